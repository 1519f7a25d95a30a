/*
 * The statements that find a worker's jobs by id must look them up by primary key, also with the
 * table's statistics from before the jobs ran (autovacuum analyzes a table only now and then): with
 * such statistics the planner believes almost no job is running, and a condition on status lets it
 * walk every running job through a status index instead, testing each against the whole input.
 * Plans are read both ways a prepared statement is planned: its first five executions get custom
 * plans, made for their values, and it may then settle on a generic plan. The task center's list
 * must read each status's newest jobs from a status index and merge them, never the whole range.
 */
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialect } from "../../db/testing";
import { pageIdsQuery, type JobFilter, type PageCursor } from "../ops/list-jobs";
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

/** Every node of the plan, as its type. */
function nodeTypes(node: PlanNode): string[] {
  return [node["Node Type"], ...(node.Plans ?? []).flatMap(nodeTypes)];
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

  it("claims in the claim order's index, stopping after the limit, and updates the picked rows where they are", async () => {
    const now = new Date();
    const { custom, generic } = await plans(CLAIM, [WORKER, now.toISOString(), new Date(now.getTime() + 30_000).toISOString(), ["k"], 100]);
    expect(custom.sort()).toEqual(["Index Scan jobs_status_priority_run_at_id_idx", "Tid Scan"]);
    expect(generic.sort()).toEqual(["Index Scan jobs_status_priority_run_at_id_idx", "Tid Scan"]);
  });

  it("records completions with work in proportion to the jobs, whatever the plan", async () => {
    const ids = runningIds.slice(0, 1_000);
    const values = [ids, ids.map(() => null), WORKER, new Date().toISOString(), ids.map(() => 1)];
    expectOnlyScans(await plans(COMPLETE, values), ["Index Scan jobs_pkey"]);
    // Nor may it test each job against the whole input.
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

  it("reads a page of the task center's list from each status's range of a status index, merged by time", async () => {
    const owner = await t.database.db.user.create({ data: { email: "plans@example.com", passwordHash: "x" } });
    await client.query(`UPDATE jobs SET owner_id = $1 WHERE id IN (SELECT id FROM jobs ORDER BY id LIMIT 16000)`, [owner.id]);
    for (const [status, offset] of [["succeeded", 0], ["failed", 3000], ["cancelled", 4000]] as const) {
      await client.query(`UPDATE jobs SET status = $1 WHERE id IN (SELECT id FROM jobs WHERE status = 'queued' ORDER BY id DESC OFFSET $2 LIMIT 3000)`, [status, offset]);
    }
    // Unlike the worker's statements, the list runs on statistics that know the owners and statuses
    // (jobs accumulate over days; autovacuum analyzes the table as they do).
    await client.query("ANALYZE jobs");
    const { rows: middle } = await client.query<{ created_at: Date; id: string }>("SELECT created_at, id FROM jobs ORDER BY id LIMIT 1 OFFSET 8000");
    const cursor = { createdAt: middle[0]!.created_at, id: middle[0]!.id };
    const limit = 51;
    const cases: [JobFilter, PageCursor | null][] = [
      [{ ownerId: owner.id }, null],
      [{ ownerId: owner.id }, cursor],
      [{}, null],
      [{}, cursor],
      [{ ownerId: owner.id, status: ["failed", "cancelled"] }, null],
    ];
    for (const [filter, after] of cases) {
      const { sql, params } = pageIdsQuery(t.queue.store, filter, after, limit);
      const { rows } = await client.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, values: params });
      const plan = (rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
      const what = JSON.stringify({ filter, after: !!after });
      expect(nodeTypes(plan), what).toContain("Merge Append");
      const index = filter.ownerId ? "jobs_owner_id_status_created_at_id_idx" : "jobs_status_created_at_id_idx";
      expect(new Set(jobsScans(plan).map((scan) => scan.replace(/^Index Only Scan /, "Index Scan "))), what).toEqual(new Set([`Index Scan ${index}`]));
      // Each status's range stops after the page; the statement never reads the owner's 16,000 jobs.
      expect(rowsHandled(plan), what).toBeLessThan(5 * limit * 6);
    }
  });
});
