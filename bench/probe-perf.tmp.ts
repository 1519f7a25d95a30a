import fs from "node:fs";
import pg from "pg";
import { createDatabase } from "../lib/db/client";
import type { DatabaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { JobQueue } from "../lib/jobs";

const which = process.argv[2] as "postgres" | "sqlite";
const N = Number(process.argv[3] ?? 10000);
const name = `perf_probe_${process.pid}`;
let config: DatabaseConfig;
if (which === "postgres") {
  const c = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/test" });
  await c.connect(); await c.query(`CREATE DATABASE ${name}`); await c.end();
  config = { dialect: "postgres", url: `postgresql://postgres@127.0.0.1:5432/${name}` };
} else {
  fs.rmSync("/tmp/perf/probe.db", { force: true }); fs.rmSync("/tmp/perf/probe.db-wal", { force: true }); fs.rmSync("/tmp/perf/probe.db-shm", { force: true });
  config = { dialect: "sqlite", file: "/tmp/perf/probe.db" };
}
await migrate(config);
const { db } = createDatabase(config);
const queue = config.dialect === "postgres" ? new JobQueue({ db, dialect: "postgres", connectionString: config.url }) : new JobQueue({ db, dialect: "sqlite" });
const stats: Record<string, { n: number; rows: number; ms: number }> = {};
const d = queue.store.dialect as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
for (const m of ["claim", "complete"]) {
  const orig = d[m]!.bind(d);
  stats[m] = { n: 0, rows: 0, ms: 0 };
  d[m] = async (...a: unknown[]) => {
    const t0 = performance.now();
    const r = await orig(...a);
    stats[m]!.n++; stats[m]!.ms += performance.now() - t0; (durs[m] ??= []).push(performance.now() - t0);
    stats[m]!.rows += r instanceof Set ? r.size : (r as unknown[]).length;
    return r;
  };
}
const durs: Record<string, number[]> = {};
let t = Date.now();
await queue.enqueueMany(Array.from({ length: N }, (_, i) => ({ kind: "noop", name: `n${i}`, payload: { i } })));
console.log(`enqueue ${N}: ${((N / (Date.now() - t)) * 1000).toFixed(0)} jobs/s`);
let started = 0; let first = 0; let pick: ((n: number) => void) | null = null;
queue.define<{ i?: number; t0?: number }>("noop", async (ctx) => {
  if (ctx.payload.t0 !== undefined) { pick?.(performance.now() - ctx.payload.t0); return; }
  if (started++ === 0) first = Date.now();
});
const cpu = process.cpuUsage();
await queue.startWorker({ concurrency: Number(process.env.C ?? 10) });
while ((await db.job.count({ where: { status: { in: ["queued", "running"] } } })) > 0) await new Promise((r) => setTimeout(r, 5));
const ms = Date.now() - first;
const u = process.cpuUsage(cpu);
console.log(`processed: ${((N / ms) * 1000).toFixed(0)} jobs/s, cpu/job ${((u.user + u.system) / 1000 / N).toFixed(3)} ms`);
console.log(JSON.stringify(stats));
for (const [m, ds] of Object.entries(durs)) { const k = Math.ceil(ds.length / 10); const dec = []; for (let i = 0; i < ds.length; i += k) dec.push((ds.slice(i, i + k).reduce((a, b) => a + b, 0) / Math.min(k, ds.length - i)).toFixed(1)); console.log(m, "ms per decile:", dec.join(" ")); }
const lat: number[] = [];
for (let k = 0; k < 60; k++) {
  await new Promise((r) => setTimeout(r, Math.random() * 20));
  const p = new Promise<number>((r) => (pick = r));
  await queue.enqueue({ kind: "noop", name: "p", payload: { t0: performance.now() } });
  lat.push(await p);
}
lat.sort((a, b) => a - b);
console.log(`pickup p50 ${lat[30]!.toFixed(2)} ms p95 ${lat[57]!.toFixed(2)} ms`);
await queue.close();
await db.$disconnect();
if (which === "postgres") { const c = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/test" }); await c.connect(); await c.query(`DROP DATABASE ${name} WITH (FORCE)`); await c.end(); }
