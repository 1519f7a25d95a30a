/*
 * The statements that find a worker's jobs by id must look them up by primary key, also with the
 * table's statistics from before the jobs ran (autovacuum analyzes a table only now and then): with
 * such statistics the planner believes almost no job is running, and a condition on status lets it
 * walk every running job through a status index instead, testing each against the whole input.
 * Plans are read as generic plans, which a prepared statement settles on after five executions.
 */
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialect } from "../../db/testing";
import { setupTestQueue } from "../test-support";
import { CLAIM, COMPLETE, FAIL, PLANNER_OPTIONS, RENEW } from "./postgres";

const t = setupTestQueue();
const RUNNING = 5_000;
const WORKER = "worker-1";
let client: pg.Client;
let runningIds: string[];

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

/** Every node of the plan that reads the jobs table, as "Node Type index-name". */
function jobsScans(node: PlanNode): string[] {
  const own = node["Relation Name"] === "jobs" && node["Node Type"] !== "ModifyTable" ? [`${node["Node Type"]} ${node["Index Name"] ?? ""}`.trim()] : [];
  return [...own, ...(node.Plans ?? []).flatMap(jobsScans)];
}

async function genericPlan(sql: string, values: unknown[]): Promise<string[]> {
  await client.query("SET plan_cache_mode = force_generic_plan");
  await client.query(`PREPARE statement AS ${sql}`);
  // EXPLAIN EXECUTE takes no bound parameters: the values go in as literals.
  const element = (v: unknown) => (v === null ? "NULL" : `"${String(v)}"`);
  const literal = (v: unknown) => (v === null ? "NULL" : client.escapeLiteral(Array.isArray(v) ? `{${v.map(element).join(",")}}` : String(v)));
  const { rows } = await client.query(`EXPLAIN (FORMAT JSON) EXECUTE statement(${values.map(literal).join(", ")})`);
  return jobsScans((rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan);
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
    const scans = await genericPlan(CLAIM, [WORKER, now.toISOString(), new Date(now.getTime() + 30_000).toISOString(), ["k"], 100]);
    expect(scans.sort()).toEqual(["Index Scan jobs_pkey", "Index Scan jobs_status_priority_run_at_id_idx"]);
  });

  it("records completions looking each job up by primary key", async () => {
    const ids = runningIds.slice(0, 1_000);
    const scans = await genericPlan(COMPLETE, [ids, ids.map(() => null), WORKER, new Date().toISOString(), ids.map(() => 1)]);
    expect(scans.length).toBeGreaterThan(0);
    expect(new Set(scans)).toEqual(new Set(["Index Scan jobs_pkey"]));
  });

  it("renews leases looking each job up by primary key", async () => {
    const ids = runningIds.slice(0, 10);
    const now = new Date();
    const scans = await genericPlan(RENEW, [ids, WORKER, now.toISOString(), new Date(now.getTime() + 30_000).toISOString()]);
    expect(scans.length).toBeGreaterThan(0);
    expect(new Set(scans)).toEqual(new Set(["Index Scan jobs_pkey"]));
  });

  it("records a failure looking the job up by primary key", async () => {
    const now = new Date().toISOString();
    const scans = await genericPlan(FAIL, [runningIds[0], WORKER, 1, now, "boom", null, null, "failed", "boom"]);
    expect(scans.length).toBeGreaterThan(0);
    expect(new Set(scans)).toEqual(new Set(["Index Scan jobs_pkey"]));
  });
});
