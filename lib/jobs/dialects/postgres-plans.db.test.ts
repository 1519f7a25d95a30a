/*
 * The statements that find a worker's jobs by id must look them up by primary key, also with the
 * table's statistics from before the jobs ran (autovacuum analyzes a table only now and then): with
 * such statistics the planner believes almost no job is running, and a condition on status lets it
 * walk every running job through a status index instead, testing each against the whole input.
 * Plans are read both ways a prepared statement is planned: its first five executions get custom
 * plans, made for their values, and it may then settle on a generic plan.
 */
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialect } from "../../db/testing";
import { setupTestQueue } from "../test-support";
import { CLAIM, COMPLETE, FAIL, PLANNER_OPTIONS, RENEW } from "./postgres";

const t = setupTestQueue();
const RUNNING = 12_000;
const WORKER = "worker-1";
let client: pg.Client;
let runningIds: string[];

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Join Filter"?: number;
}

/** Rows every node of an analyzed plan produced or threw away, over all its loops. */
function rowsHandled(node: PlanNode): number {
  const own = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1) + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Join Filter"] ?? 0);
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsHandled(child), 0);
}

/** Every node of the plan that reads the jobs table, as "Node Type index-name". */
function jobsScans(node: PlanNode): string[] {
  const own = node["Relation Name"] === "jobs" && node["Node Type"] !== "ModifyTable" ? [`${node["Node Type"]} ${node["Index Name"] ?? ""}`.trim()] : [];
  return [...own, ...(node.Plans ?? []).flatMap(jobsScans)];
}

/** The jobs scans of the statement's custom plan for these values, then of its generic plan. */
async function plans(sql: string, values: unknown[]): Promise<{ custom: string[]; generic: string[] }> {
  await client.query(`PREPARE statement AS ${sql}`);
  // EXPLAIN EXECUTE takes no bound parameters: the values go in as literals.
  const element = (v: unknown) => (v === null ? "NULL" : `"${String(v)}"`);
  const literal = (v: unknown) => (v === null ? "NULL" : client.escapeLiteral(Array.isArray(v) ? `{${v.map(element).join(",")}}` : String(v)));
  const scans = async (mode: string) => {
    await client.query(`SET plan_cache_mode = ${mode}`);
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) EXECUTE statement(${values.map(literal).join(", ")})`);
    return jobsScans((rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan);
  };
  return { custom: await scans("force_custom_plan"), generic: await scans("force_generic_plan") };
}

/** Both plans read the jobs table, and only through these scans. */
function expectOnlyScans(found: { custom: string[]; generic: string[] }, scans: string[]) {
  for (const plan of [found.custom, found.generic]) {
    expect(plan.length).toBeGreaterThan(0);
    expect(new Set(plan)).toEqual(new Set(scans));
  }
}

describe.runIf(testDialect() === "postgres")("the registry's statements on PostgreSQL", () => {
  beforeEach(async () => {
    client = new pg.Client({ connectionString: t.database.url, options: PLANNER_OPTIONS });
    await client.connect();
    // Statistics taken while every job was queued (as autovacuum takes them after a bulk enqueue).
    await client.query("ALTER TABLE jobs SET (autovacuum_enabled = off)");
    await t.queue.enqueueMany(Array.from({ length: 2 * RUNNING }, (_, i) => ({ kind: "k", name: `job ${i}`, payload: {} })));
    await client.query("ANALYZE jobs");
    const { rows } = await client.query<{ id: string }>(
      `UPDATE jobs SET status = 'running', worker_id = $1, attempts = 1
        WHERE id IN (SELECT id FROM jobs ORDER BY id LIMIT ${RUNNING}) RETURNING id`,
      [WORKER],
    );
    runningIds = rows.map((r) => r.id);
  }, 60_000);
  afterEach(async () => {
    await client.end();
  });

  it("claims in the claim order's index, stopping after the limit, and updates the picked jobs by primary key", async () => {
    const now = new Date();
    const { custom, generic } = await plans(CLAIM, [WORKER, now.toISOString(), new Date(now.getTime() + 30_000).toISOString(), ["k"], 100]);
    expect(custom.sort()).toEqual(["Index Scan jobs_pkey", "Index Scan jobs_status_priority_run_at_id_idx"]);
    expect(generic.sort()).toEqual(["Index Scan jobs_pkey", "Index Scan jobs_status_priority_run_at_id_idx"]);
  });

  it("records completions with work in proportion to the jobs, whatever the plan", async () => {
    const ids = runningIds.slice(0, 1_000);
    const values = [ids, ids.map(() => null), WORKER, new Date().toISOString(), ids.map(() => 1)];
    expect((await plans(COMPLETE, values)).generic).toEqual(["Index Scan jobs_pkey"]);
    // A custom plan may read the whole (small) table instead; what it must not do is test each job
    // against the whole input.
    await client.query("BEGIN");
    const { rows } = await client.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${COMPLETE}`, values });
    await client.query("ROLLBACK");
    const plan = (rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
    expect(rowsHandled(plan)).toBeLessThan(5 * (2 * RUNNING + ids.length));
  });

  it("renews leases looking each job up by primary key", async () => {
    const ids = runningIds.slice(0, 10);
    const now = new Date();
    expectOnlyScans(await plans(RENEW, [ids, WORKER, now.toISOString(), new Date(now.getTime() + 30_000).toISOString()]), ["Index Scan jobs_pkey"]);
  });

  it("records a failure looking the job up by primary key", async () => {
    const now = new Date().toISOString();
    expectOnlyScans(await plans(FAIL, [runningIds[0], WORKER, 1, now, "boom", null, null, "failed", "boom"]), ["Index Scan jobs_pkey"]);
  });
});
