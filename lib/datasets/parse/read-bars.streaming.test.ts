import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { fileChunks } from "./file-chunks";
import { readBars } from "./read-bars";
import { SNIFF_BYTES } from "./sniff-head";
import { chunked, fixture, readAll } from "./test-support";

const SYMBOLS = ["茅台", "平安银行"];

/** An AkShare-like file whose symbols are Chinese, long enough to cross the sniffed head, with a character cut by the head's end once encoded. */
function chineseFile(encoding: "gbk" | "utf8"): Buffer {
  const lines: string[] = [];
  for (let day = 0; day < 1000; day++) {
    const date = new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10);
    for (const symbol of SYMBOLS) lines.push(`${date},${symbol},10.5,10.8,10.9,10.2,12345`);
  }
  for (let pad = 0; pad < 40; pad++) {
    const text = `${encoding === "utf8" ? "\uFEFF" : ""}日期,代码,开盘,收盘,最高,最低,成交量${" ".repeat(pad)}\n${lines.join("\n")}\n`;
    const bytes = iconv.encode(text, encoding);
    const head = iconv.decode(bytes.subarray(0, SNIFF_BYTES), encoding);
    if (!text.startsWith(head)) return bytes;
  }
  throw new Error("No padding puts a character across the end of the head.");
}

describe("readBars streams", () => {
  for (const encoding of ["gbk", "utf8"] as const) {
    it(`gives the same bars whatever the chunks, with multi-byte characters split between them (${encoding})`, async () => {
      const bytes = chineseFile(encoding);
      const whole = await readAll(Readable.from([bytes]));
      expect(whole.report).toMatchObject({ encoding: encoding === "gbk" ? "gb18030" : "utf-8", rowsRead: 2000, imported: 2000, rejected: 0, symbols: [...SYMBOLS].sort() });
      expect(whole.report.columns).toEqual(["日期", "代码", "开盘", "收盘", "最高", "最低", "成交量"]);
      for (const size of [1, 3, SNIFF_BYTES - 1, SNIFF_BYTES + 1]) {
        const result = await readAll(chunked(bytes, size));
        expect(result.report, `chunks of ${size} bytes`).toEqual(whole.report);
        expect(result.bars, `chunks of ${size} bytes`).toEqual(whole.bars);
      }
    });

    it(`reads a file through chunks that reuse one buffer like the same bytes in fresh chunks (${encoding})`, async () => {
      const bytes = chineseFile(encoding);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-chunks-"));
      try {
        const file = path.join(dir, "prices.csv");
        fs.writeFileSync(file, bytes);
        const whole = await readAll(Readable.from([bytes]));
        for (const size of [1_000, 64 * 1024]) {
          const fromFile = await readAll(fileChunks(file, size));
          expect(fromFile.report, `chunks of ${size} bytes`).toEqual(whole.report);
          expect(fromFile.bars, `chunks of ${size} bytes`).toEqual(whole.bars);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it("a string source reads like a byte source", async () => {
    const bytes = fixture("akshare-with-code.csv");
    const fromStrings = await readAll(Readable.from([bytes.toString("utf8")]));
    expect(fromStrings).toEqual(await readAll(bytes));
  });

  it("reports the bytes consumed once per chunk, up to the file's size", async () => {
    const bytes = fixture("bad-rows.csv");
    const progress: number[] = [];
    await readAll(chunked(bytes, 100), { symbol: "X", onProgress: (n) => progress.push(n) });
    expect(progress).toEqual(Array.from({ length: Math.ceil(bytes.length / 100) }, (_, i) => Math.min((i + 1) * 100, bytes.length)));
  });

  it("yields the first batch long before the source is read to its end", async () => {
    const chunks = 200;
    let pulled = 0;
    function* rows() {
      yield "date,close\n";
      for (let chunk = 0; chunk < chunks; chunk++) {
        pulled++;
        const lines = Array.from({ length: 100 }, (_, i) => `${new Date(Date.UTC(1900, 0, 1 + chunk * 100 + i)).toISOString().slice(0, 10)},1\n`);
        yield lines.join("");
      }
    }
    const reader = readBars(Readable.from(rows()), { symbol: "X", batchSize: 500 });
    const iterator = reader[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toHaveLength(500);
    expect(pulled).toBeLessThan(chunks / 2);
    let total = 500;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) total += next.value.length;
    expect(total).toBe(chunks * 100);
    expect(pulled).toBe(chunks);
  });

  it("a failing source fails the reader with the source's own error, for the caller to retry", async () => {
    const failure = new Error("EIO: i/o error, read");
    const source = new Readable({
      read() {
        this.push("date,close\n2024-01-02,1\n");
        this.destroy(failure);
      },
    });
    await expect(readAll(source, { symbol: "X" })).rejects.toBe(failure);
  });

  it("stops reading the source when the consumer stops", async () => {
    const source = endless();
    for await (const batch of readBars(source, { symbol: "X", batchSize: 10 })) {
      expect(batch).toHaveLength(10);
      break;
    }
    expect(source.destroyed).toBe(true);
  });
});

describe("readBars honours its abort signal", () => {
  const reason = new Error("stopped by the test");

  it("already aborted: throws the reason before reading", async () => {
    const source = chunked(fixture("yahoo.csv"), 10);
    const reader = readBars(source, { symbol: "X", signal: AbortSignal.abort(reason) });
    await expect(reader[Symbol.asyncIterator]().next()).rejects.toBe(reason);
    expect(source.destroyed).toBe(true);
  });

  it("aborted while waiting for a stalled source, after some batches", async () => {
    const controller = new AbortController();
    const source = endless({ stallAfter: 80 });
    const iterator = readBars(source, { symbol: "X", batchSize: 10, signal: controller.signal })[Symbol.asyncIterator]();
    let bars = 0;
    while (bars < 80 * 100) {
      const next = await iterator.next();
      bars += (next.value as unknown[]).length;
    }
    // Every complete row has come; the reader now waits for the rest of a row that never comes.
    const next = iterator.next();
    controller.abort(reason);
    await expect(next).rejects.toBe(reason);
    expect(source.destroyed).toBe(true);
  });

  it("aborted between batches: the next batch is not delivered", async () => {
    const controller = new AbortController();
    const iterator = readBars(endless(), { symbol: "X", batchSize: 10, signal: controller.signal })[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toHaveLength(10);
    controller.abort(reason);
    await expect(iterator.next()).rejects.toBe(reason);
  });

  it("aborted while sniffing a source that stalls before its first 64 KB", async () => {
    const controller = new AbortController();
    const source = new Readable({ read() {} });
    source.push("date,close\n2024-01-02,1\n");
    const next = readBars(source, { symbol: "X", signal: controller.signal })[Symbol.asyncIterator]().next();
    controller.abort(reason);
    await expect(next).rejects.toBe(reason);
  });
});

/**
 * Daily rows in chunks of 100 for ever, or for `stallAfter` chunks and the start of one more row,
 * after which it neither ends nor sends more.
 */
function endless({ stallAfter = Infinity } = {}): Readable {
  let chunk = 0;
  return new Readable({
    read() {
      if (chunk === 0) this.push("date,close\n");
      if (chunk > stallAfter) return;
      if (chunk === stallAfter) {
        chunk++;
        this.push("1900-");
        return;
      }
      const start = chunk * 100;
      chunk++;
      this.push(Array.from({ length: 100 }, (_, i) => `${new Date(Date.UTC(1900, 0, 1 + start + i)).toISOString().slice(0, 10)},1\n`).join(""));
    },
  });
}
