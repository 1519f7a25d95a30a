import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "../jobs";
import { createTestQueue, waitFor, waitForStatus } from "../jobs/test-support";
import { killAllWorkerProcesses, startWorkerProcess } from "../jobs/testing/processes";
import { registerHandlers } from "../queue/register-handlers";
import { APP_WORKER_ENTRY } from "../queue/testing/app-worker-process";
import { countStoredBars, listStoredBars } from "./bars";
import { createDataset } from "./create-dataset";
import { listSymbolsForViewer } from "./list-symbols-for-viewer";
import { sampleFilePath } from "./sample-datasets";

let database: TestDatabase;
let queue: JobQueue;
let dir: string;
let ownerId: string;

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
  registerHandlers(queue, database.config);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-import-"));
  ownerId = (await database.db.user.create({ data: { email: `${crypto.randomUUID()}@example.com`, passwordHash: "x" } })).id;
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await queue.close({ graceMs: 0 });
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Records a dataset for a copy of `source` as an upload would, returning its ids. */
async function upload(source: string | Buffer, options: { symbol?: string; name?: string } = {}) {
  const bytes = typeof source === "string" ? fs.readFileSync(source) : source;
  const storedPath = path.join(dir, `${crypto.randomUUID()}.upload`);
  fs.writeFileSync(storedPath, bytes);
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const ids = await createDataset(database.db, queue, {
    ownerId,
    upload: { storedPath, fileName: "prices.csv", size: bytes.length, sha256 },
    name: options.name,
    symbol: options.symbol,
  });
  return { ...ids, storedPath };
}

const bars = (datasetId: string, symbol?: string) => listStoredBars(database.db, datasetId, symbol);

/** A daily OHLCV file of `rows` rows over symbols of 20,000 days each (synthetic random walks). */
function syntheticCsv(rows: number): Buffer {
  const DAYS = 20_000;
  const lines = ["Symbol,Date,Open,High,Low,Close,Volume"];
  let price = 100;
  const start = Date.UTC(1950, 0, 2);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + (i % DAYS) * 86_400_000).toISOString().slice(0, 10);
    const next = Math.max(1, price * (1 + ((i * 7919) % 200) / 10_000 - 0.01));
    const high = (Math.max(price, next) * 1.01).toFixed(2);
    const low = (Math.min(price, next) * 0.99).toFixed(2);
    lines.push(`S${Math.floor(i / DAYS)},${day},${price.toFixed(2)},${high},${low},${next.toFixed(2)},${1000 + (i % 500)}`);
    price = next;
  }
  return Buffer.from(lines.join("\n") + "\n");
}

describe("the dataset-import job", () => {
  it("imports the S&P 500 sample exactly, publishes it and removes the stored file", async () => {
    await queue.startWorker({ concurrency: 2 });
    const { datasetId, jobId, storedPath } = await upload(sampleFilePath("sp500-2000.csv"), { symbol: "SPX" });
    await waitForStatus(queue, jobId, "succeeded", 60_000);

    const dataset = (await database.db.dataset.findUnique({ where: { id: datasetId }, include: { symbols: true } }))!;
    const rows = await bars(datasetId);
    const csv = fs.readFileSync(sampleFilePath("sp500-2000.csv"), "utf8").trim().split("\n");
    expect(rows).toHaveLength(csv.length - 1);
    expect(dataset).toMatchObject({ status: "ready", rowCount: csv.length - 1, interval: "daily", storedPath: null });
    expect(dataset.symbols.map((s) => [s.symbol, s.rowCount, s.hasOhlc])).toEqual([["SPX", csv.length - 1, true]]);
    // 2000-01-03,1469.250000,1478.000000,1438.359985,1455.219971,1455.219971,931800000
    expect(rows[0]).toMatchObject({ symbol: "SPX", open: 1469.25, high: 1478, low: 1438.359985, close: 1455.219971, volume: 931800000 });
    expect(rows[0]!.date.toISOString()).toBe("2000-01-03T00:00:00.000Z");
    const [date, open, high, low, close, , volume] = csv.at(-1)!.split(",");
    expect(rows.at(-1)!.date.toISOString().slice(0, 10)).toBe(date);
    expect([rows.at(-1)!.open, rows.at(-1)!.high, rows.at(-1)!.low, rows.at(-1)!.close, rows.at(-1)!.volume]).toEqual([open, high, low, close, volume].map(Number));
    expect(fs.existsSync(storedPath)).toBe(false);
  }, 90_000);

  it("imports the multi-symbol monthly sample and lists its five symbols", async () => {
    await queue.startWorker({ concurrency: 2 });
    const { datasetId, jobId } = await upload(sampleFilePath("stocks.csv"));
    await waitForStatus(queue, jobId, "succeeded", 30_000);
    const dataset = (await database.db.dataset.findUnique({ where: { id: datasetId }, include: { symbols: { orderBy: { symbol: "asc" } } } }))!;
    expect(dataset.interval).toBe("monthly");
    expect(dataset.symbols.map((s) => s.symbol)).toEqual(["AAPL", "AMZN", "GOOG", "IBM", "MSFT"]);
    expect(dataset.symbols.every((s) => !s.hasOhlc)).toBe(true);
    const msft = await bars(datasetId, "MSFT");
    expect(msft[0]).toMatchObject({ close: 39.81, open: null, high: null, low: null });
    expect(msft[0]!.date.toISOString().slice(0, 10)).toBe("2000-01-01");
  }, 60_000);

  it("stores every value exactly as read: symbols with backslashes and non-ASCII letters, extreme prices, missing volumes", async () => {
    await queue.startWorker({ concurrency: 1 });
    const csv = [
      "symbol,date,open,high,low,close,volume",
      "BRK\\B,2020-01-02,0.1,0.30000000000000004,0.1,0.2,",
      "ÄPFEL,2020-01-02,1e-7,2.5e-7,1e-7,1.5e-7,0",
      "ÄPFEL,2020-01-03,123456789.123456,987654321.987654,123456789.123456,555555555.5,12345678901234",
    ].join("\n");
    const { datasetId, jobId } = await upload(Buffer.from(csv));
    await waitForStatus(queue, jobId, "succeeded", 30_000);
    const rows = (await bars(datasetId)).map((b) => [b.symbol, b.date.toISOString().slice(0, 10), b.open, b.high, b.low, b.close, b.volume]);
    expect(rows).toEqual([
      ["BRK\\B", "2020-01-02", 0.1, 0.30000000000000004, 0.1, 0.2, null],
      ["ÄPFEL", "2020-01-02", 1e-7, 2.5e-7, 1e-7, 1.5e-7, 0],
      ["ÄPFEL", "2020-01-03", 123456789.123456, 987654321.987654, 123456789.123456, 555555555.5, 12345678901234],
    ]);
  }, 30_000);

  it("fails a file of only bad rows for good, with its report, and leaves no bars", async () => {
    await queue.startWorker({ concurrency: 1 });
    const { datasetId, jobId, storedPath } = await upload(Buffer.from("date,close\nyesterday,abc\n2020-13-45,-1\n"), { symbol: "BAD" });
    await waitForStatus(queue, jobId, "failed", 30_000);
    const job = (await queue.get(jobId))!;
    expect(job.attempts).toBe(1);
    const dataset = (await database.db.dataset.findUnique({ where: { id: datasetId } }))!;
    expect(dataset.status).toBe("failed");
    expect(dataset.errorMessage).toMatch(/valid/i);
    expect(dataset.report).toMatchObject({ rowsRead: 2, imported: 0, rejected: 2 });
    expect(await bars(datasetId)).toHaveLength(0);
    // The file stays, so the user can see what was wrong; deleting the dataset removes it.
    expect(fs.existsSync(storedPath)).toBe(true);
  }, 30_000);

  it("publishes a re-upload of the same symbol as its new data, leaving the old version whole", async () => {
    await queue.startWorker({ concurrency: 2 });
    const first = await upload(Buffer.from("date,close\n2020-01-01,10\n2020-01-02,11\n"), { symbol: "ACME" });
    await waitForStatus(queue, first.jobId, "succeeded");
    const second = await upload(Buffer.from("date,close\n2020-01-01,20\n2020-01-02,21\n2020-01-03,22\n"), { symbol: "ACME" });
    await waitForStatus(queue, second.jobId, "succeeded");
    const symbols = await listSymbolsForViewer(database.db, { id: ownerId, role: "user" });
    expect(symbols.find((s) => s.symbol === "ACME")).toMatchObject({ datasetId: second.datasetId, rowCount: 3 });
    expect((await bars(first.datasetId)).map((b) => b.close)).toEqual([10, 11]);
    // Another user does not see this user's symbols.
    expect(await listSymbolsForViewer(database.db, { id: "someone-else", role: "user" })).toEqual([]);
  }, 30_000);

  it("stops on cancel, removes what it wrote, and a retry imports the whole file", async () => {
    await queue.startWorker({ concurrency: 1 });
    const { datasetId, jobId } = await upload(syntheticCsv(300_000));
    await waitFor("the import to be under way", async () => ((await queue.get(jobId))?.progress ?? 0) > 5, 60_000);
    await queue.cancel(jobId);
    await waitForStatus(queue, jobId, "cancelled", 30_000);
    expect(await countStoredBars(database.db, datasetId)).toBe(0);
    expect((await database.db.dataset.findUnique({ where: { id: datasetId } }))!.status).toBe("failed");

    await queue.retry(jobId);
    await waitForStatus(queue, jobId, "succeeded", 120_000);
    expect(await countStoredBars(database.db, datasetId)).toBe(300_000);
    expect((await database.db.dataset.findUnique({ where: { id: datasetId } }))!.status).toBe("ready");
  }, 180_000);

  it("survives SIGKILL mid-import: the next worker starts over and ends with every bar once", async () => {
    const ROWS = 300_000;
    const first = await startWorkerProcess({ DATABASE_URL: database.url, LEASE_MS: "2000", POLL_MS: "200" }, APP_WORKER_ENTRY);
    const { datasetId, jobId } = await upload(syntheticCsv(ROWS));
    await waitFor("the import to be under way", async () => ((await queue.get(jobId))?.progress ?? 0) > 20, 60_000);
    await first.kill("SIGKILL");

    // Chunks stored before the kill may be there, but nobody reads them: the dataset is not published.
    expect((await database.db.dataset.findUnique({ where: { id: datasetId } }))!.status).toBe("importing");
    expect(await listSymbolsForViewer(database.db, { id: ownerId, role: "user" })).toEqual([]);

    await startWorkerProcess({ DATABASE_URL: database.url, LEASE_MS: "2000", POLL_MS: "200" }, APP_WORKER_ENTRY);
    await waitForStatus(queue, jobId, "succeeded", 150_000);
    const job = (await queue.get(jobId))!;
    expect(job.attempts).toBe(2);
    expect(await countStoredBars(database.db, datasetId)).toBe(ROWS);
    const distinct = new Set((await bars(datasetId)).map((b) => `${b.symbol} ${b.date.getTime()}`));
    expect(distinct.size).toBe(ROWS);
    const symbols = await listSymbolsForViewer(database.db, { id: ownerId, role: "user" });
    expect(symbols.map((s) => s.rowCount).reduce((a, b) => a + b)).toBe(ROWS);
  }, 240_000);
});
