import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";
import type { ClaimedJob } from "./dialects/dialect";
import { KindHistogram } from "./kind-histogram";
import type { Store } from "./store";

export type JobMetrics = ReturnType<typeof createJobMetrics>;

/** Prometheus metrics: job counts by status and kind (read from the database at scrape), and this process's run timings. */
export function createJobMetrics(store: Store) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: "tandem_jobs",
    help: "Jobs in the registry by status and kind",
    labelNames: ["status", "kind"],
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await store.db.job.groupBy({ by: ["status", "kind"], _count: { _all: true } });
      for (const g of groups) this.set({ status: g.status, kind: g.kind }, g._count._all);
    },
  });
  // Successes are counted here and added to the counter when it is read: inc() hashes its labels.
  const succeededByKind = new Map<string, number>();
  const finished = new Counter({
    name: "tandem_jobs_finished_total",
    help: "Job runs finished by this process, by kind and outcome",
    labelNames: ["kind", "status"],
    registers: [registry],
    collect() {
      for (const [kind, n] of succeededByKind) if (n > 0) this.inc({ kind, status: "succeeded" }, n);
      succeededByKind.clear();
    },
  });
  const retries = new Counter({ name: "tandem_job_retries_total", help: "Retries scheduled", labelNames: ["kind"], registers: [registry] });
  const duration = new KindHistogram("tandem_job_duration_seconds", "Run time of job attempts", [0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300], registry);
  const queueWait = new KindHistogram(
    "tandem_job_queue_wait_seconds",
    "Time from when a job was due to when a worker started it",
    [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registry,
  );

  return {
    registry,
    started(job: ClaimedJob) {
      const due = Math.max(job.runAt.getTime(), job.createdAt.getTime());
      queueWait.observe(job.kind, Math.max(0, (job.startedAt?.getTime() ?? Date.now()) - due) / 1000);
    },
    finished(job: ClaimedJob, status: string, elapsedMs: number) {
      if (status === "succeeded") succeededByKind.set(job.kind, (succeededByKind.get(job.kind) ?? 0) + 1);
      else finished.inc({ kind: job.kind, status });
      duration.observe(job.kind, elapsedMs / 1000);
    },
    retried(job: ClaimedJob) {
      retries.inc({ kind: job.kind });
    },
  };
}
