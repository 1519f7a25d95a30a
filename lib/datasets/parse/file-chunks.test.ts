import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileChunks } from "./file-chunks";

let dir: string;
let file: string;
const bytes = crypto.randomBytes(200_000);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-file-chunks-"));
  file = path.join(dir, "data.bin");
  fs.writeFileSync(file, bytes);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const openFiles = () => fs.readdirSync("/proc/self/fd").length;

describe("fileChunks", () => {
  it("yields the file's bytes in order, every chunk in the same reused memory", async () => {
    const copies: Buffer[] = [];
    const memory = new Set<ArrayBufferLike>();
    for await (const chunk of fileChunks(file)) {
      copies.push(Buffer.from(chunk));
      memory.add(chunk.buffer);
    }
    expect(copies.length).toBeGreaterThan(1);
    expect(Buffer.concat(copies).equals(bytes)).toBe(true);
    expect(memory.size).toBe(1);
  });

  it.runIf(fs.existsSync("/proc/self/fd"))("closes the file when read to the end, and when the reader stops early", async () => {
    const before = openFiles();
    for await (const chunk of fileChunks(file)) void chunk;
    expect(openFiles()).toBe(before);
    for await (const chunk of fileChunks(file)) {
      void chunk;
      expect(openFiles()).toBe(before + 1);
      break;
    }
    expect(openFiles()).toBe(before);
  });

  it("fails with the file system's error when the file is gone", async () => {
    const chunks = fileChunks(path.join(dir, "missing.bin"));
    await expect(chunks.next()).rejects.toMatchObject({ code: "ENOENT" });
  });
});
