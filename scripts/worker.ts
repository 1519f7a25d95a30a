// `npm run worker`: a standalone worker process (no web server) on the configured database.
import { runWorker } from "../lib/queue/run-worker";
import { prepare } from "./prepare";

await prepare();
const worker = await runWorker();
console.log(`[tandem] worker ${worker.id} running up to ${worker.concurrency} jobs at once`);
