import { expect, test } from "@playwright/test";
import { e2eQueue, percentile, registerAndSignIn } from "./support";

type JobList = { jobs: { id: string; status: string; progress: number }[]; counts: Record<string, number> };

test("3 CPU-heavy jobs run at once in the pool under next start, while GET /api/jobs keeps answering", async ({ page }) => {
  test.setTimeout(120_000);
  const me = await registerAndSignIn(page);
  const queue = e2eQueue();
  const { jobIds } = await queue.enqueueMany(
    [1, 2, 3].map((i) => ({ kind: "test.spin", name: `Spin ${i}`, payload: { ms: 6_000 }, ownerId: me.id })),
    { ownerId: me.id, batchName: "three spinners" },
  );
  await queue.store.db.$disconnect();

  const latencies: number[] = [];
  let sawThreeRunning = false;
  let done = false;
  const deadline = Date.now() + 60_000;
  while (!done && Date.now() < deadline) {
    const t0 = performance.now();
    const res = await page.request.get("/api/jobs?limit=50");
    latencies.push(performance.now() - t0);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as JobList;
    const mine = body.jobs.filter((j) => jobIds.includes(j.id));
    if (mine.filter((j) => j.status === "running").length === 3) sawThreeRunning = true;
    done = mine.length === 3 && mine.every((j) => j.status === "succeeded");
    await page.waitForTimeout(50);
  }
  expect(done).toBe(true);
  expect(sawThreeRunning).toBe(true);
  const p99 = percentile(latencies, 99);
  console.log(`GET /api/jobs during 3 CPU jobs: n=${latencies.length} p50=${percentile(latencies, 50).toFixed(1)} ms p99=${p99.toFixed(1)} ms`);
  // Latency targets live in the benchmarks; here the server must simply keep answering while the
  // pool computes (a blocked event loop would manage a handful of polls in the jobs' 6 s).
  expect(latencies.length).toBeGreaterThan(20);

  const job = (await (await page.request.get(`/api/jobs/${jobIds[0]}`)).json()) as { result: { pid: number }; events: { type: string }[] };
  expect(job.events.map((e) => e.type)).toEqual(expect.arrayContaining(["queued", "started", "progress", "succeeded"]));
});

test("an unchanged job list is answered 304 to a conditional poll", async ({ page }) => {
  await registerAndSignIn(page);
  const first = await page.request.get("/api/jobs");
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await page.request.get("/api/jobs", { headers: { "If-None-Match": etag! } });
  expect(again.status()).toBe(304);
});

test("cancel a running job, retry it, see it finish, then delete it", async ({ page, baseURL }) => {
  const me = await registerAndSignIn(page);
  const queue = e2eQueue();
  const { jobId } = await queue.enqueue({ kind: "test.sleep", name: "Sleeper", payload: { ms: 4_000 }, ownerId: me.id });
  await queue.store.db.$disconnect();
  const headers = { Origin: baseURL! };
  const status = async () => ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { status: string }).status;

  await expect.poll(status).toBe("running");
  const cancel = await page.request.post(`/api/jobs/${jobId}/cancel`, { headers });
  expect(cancel.status()).toBe(202);
  await expect.poll(status, { timeout: 5_000 }).toBe("cancelled");

  expect((await page.request.delete(`/api/jobs/${jobId}`, { headers: { ...headers } })).status()).toBe(204);
  expect((await page.request.get(`/api/jobs/${jobId}`)).status()).toBe(404);
});

test("retry brings a cancelled job back and it finishes", async ({ page, baseURL }) => {
  const me = await registerAndSignIn(page);
  const queue = e2eQueue();
  const { jobId } = await queue.enqueue({ kind: "test.sleep", name: "Sleeper 2", payload: { ms: 1_000 }, ownerId: me.id, runAt: new Date(Date.now() + 60_000) });
  await queue.store.db.$disconnect();
  const headers = { Origin: baseURL! };
  expect((await page.request.post(`/api/jobs/${jobId}/cancel`, { headers })).status()).toBe(200);
  const retried = await page.request.post(`/api/jobs/${jobId}/retry`, { headers });
  expect(retried.status()).toBe(202);
  // The worker may pick it up before the answer is written.
  expect(["queued", "running"]).toContain(((await retried.json()) as { status: string }).status);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { status: string }).status, { timeout: 10_000 })
    .toBe("succeeded");
  const conflict = await page.request.post(`/api/jobs/${jobId}/retry`, { headers });
  expect(conflict.status()).toBe(409);
});

test("Prometheus metrics: readable with the metrics token, refused without a session", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const res = await request.get("/api/metrics", { headers: { Authorization: "Bearer e2e-metrics-token" } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toContain("tandem_jobs{");
  expect(text).toContain("tandem_job_duration_seconds_bucket");
  expect(text).toContain("tandem_job_queue_wait_seconds_count");
});
