/** JOBS_WORKER=off makes a web-only process; workers run in every other process. */
export function workersEnabled(): boolean {
  return (process.env.JOBS_WORKER ?? "on").toLowerCase() !== "off";
}
