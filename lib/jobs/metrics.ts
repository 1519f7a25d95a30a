import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ClaimedJob } from "./dialects/dialect";
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
  const finished = new Counter({
    name: "tandem_jobs_finished_total",
    help: "Job runs finished by this process, by kind and outcome",
    labelNames: ["kind", "status"],
    registers: [registry],
  });
  const retries = new Counter({ name: "tandem_job_retries_total", help: "Retries scheduled", labelNames: ["kind"], registers: [registry] });
  const duration = new Histogram({
    name: "tandem_job_duration_seconds",
    help: "Run time of job attempts",
    labelNames: ["kind"],
    buckets: [0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const queueWait = new Histogram({
    name: "tandem_job_queue_wait_seconds",
    help: "Time from when a job was due to when a worker started it",
    labelNames: ["kind"],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [registry],
  });

  // Each kind's series, looked up once: finding a series from its labels hashes them, every time.
  const byKind = new Map<string, { queueWait: Histogram.Internal<"kind">; duration: Histogram.Internal<"kind">; succeeded: Counter.Internal }>();
  const seriesOf = (kind: string) => {
    let series = byKind.get(kind);
    if (!series) {
      series = { queueWait: queueWait.labels({ kind }), duration: duration.labels({ kind }), succeeded: finished.labels({ kind, status: "succeeded" }) };
      byKind.set(kind, series);
    }
    return series;
  };

  return {
    registry,
    started(job: ClaimedJob) {
      const due = Math.max(job.runAt.getTime(), job.createdAt.getTime());
      seriesOf(job.kind).queueWait.observe(Math.max(0, (job.startedAt?.getTime() ?? Date.now()) - due) / 1000);
    },
    finished(job: ClaimedJob, status: string, elapsedMs: number) {
      const series = seriesOf(job.kind);
      if (status === "succeeded") series.succeeded.inc();
      else finished.inc({ kind: job.kind, status });
      series.duration.observe(elapsedMs / 1000);
    },
    retried(job: ClaimedJob) {
      retries.inc({ kind: job.kind });
    },
  };
}
