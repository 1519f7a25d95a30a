import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { receiveUpload } from "./receive-upload";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-upload-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function multipart(file: Buffer | null, fileName: string, fields: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([new Uint8Array(file)]), fileName);
  return new Request("http://localhost/api/datasets", { method: "POST", body: form });
}

const receive = (request: Request, maxBytes = 1024 * 1024) => receiveUpload(request.headers, request.body, { dir, maxBytes });

describe("receiveUpload", () => {
  it("streams the file to a name of its own under the directory, with its size, SHA-256 and the fields", async () => {
    const bytes = Buffer.from("date,close\n2020-01-01,1\n");
    const got = await receive(multipart(bytes, "../../etc/passwd.csv", { name: "Mine", symbol: "AAPL" }));
    expect(path.dirname(got.storedPath)).toBe(dir);
    expect(path.basename(got.storedPath)).toMatch(/^[0-9a-f-]{36}\.upload$/);
    expect(got.fileName).toBe("passwd.csv");
    expect(got.size).toBe(bytes.length);
    expect(got.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    expect(got.fields).toEqual({ name: "Mine", symbol: "AAPL" });
    expect(fs.readFileSync(got.storedPath)).toEqual(bytes);
  });

  it("refuses a file over the limit with 413 and keeps nothing on disk", async () => {
    const big = Buffer.alloc(300_000, "1,2\n");
    await expect(receive(multipart(big, "big.csv"), 100_000)).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/larger than/) });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses binary content, other file types and empty files with 415", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(receive(multipart(png, "prices.csv"))).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/not a text file/) });
    await expect(receive(multipart(Buffer.from("a,b\n"), "prices.xlsx"))).rejects.toMatchObject({ status: 415 });
    await expect(receive(multipart(Buffer.alloc(0), "empty.csv"))).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/empty/) });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("answers 400 when the body is not multipart or has no file", async () => {
    await expect(receive(new Request("http://localhost/x", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }))).rejects.toMatchObject({ status: 400 });
    await expect(receive(multipart(null, "", { name: "x" }))).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/No file/) });
  });
});
