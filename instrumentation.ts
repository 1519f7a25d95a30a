// Runs once when the Next.js server starts: the job workers live in the web process by default,
// so `npm start` needs nothing else. JOBS_WORKER=off makes a web-only process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { workersEnabled } = await import("./lib/queue/workers-enabled");
  if (!workersEnabled()) return;
  const { runWorker } = await import("./lib/queue/run-worker");
  await runWorker();
}
