import { describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { BadRequestError, PayloadTooLargeError } from "./errors";
import { MAX_JSON_BYTES, parseQuery, parseRequest } from "./parse-request";

const schema = z.object({ name: z.string().min(1), count: z.number().int().default(1) });
const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/things", { method: "POST", body, headers, ...(body instanceof ReadableStream && { duplex: "half" }) });

describe("parseRequest", () => {
  it("returns the validated body with defaults applied", async () => {
    expect(await parseRequest(post(JSON.stringify({ name: "a" })), schema)).toEqual({ name: "a", count: 1 });
  });

  it("refuses malformed or missing JSON with a BadRequestError (400)", async () => {
    await expect(parseRequest(post("{not json"), schema)).rejects.toThrow(new BadRequestError("The request body is not valid JSON."));
    await expect(parseRequest(post(""), schema)).rejects.toThrow(new BadRequestError("The request needs a JSON body."));
    await expect(parseRequest(post(null), schema)).rejects.toBeInstanceOf(BadRequestError);
  });

  it("refuses invalid fields with the schema's ZodError (422)", async () => {
    await expect(parseRequest(post(JSON.stringify({ name: "" })), schema)).rejects.toBeInstanceOf(ZodError);
    await expect(parseRequest(post("[]"), schema)).rejects.toBeInstanceOf(ZodError);
  });

  it("refuses a body over the limit by its Content-Length or, without one, while reading it", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_JSON_BYTES) });
    await expect(parseRequest(post(big), schema)).rejects.toBeInstanceOf(PayloadTooLargeError);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    await expect(parseRequest(post(endless), schema)).rejects.toThrow("The request body is too large (limit 256 KB).");
    expect(pulled).toBeLessThan(10);
    await expect(parseRequest(post(JSON.stringify({ name: "abc" })), schema, { maxBytes: 5 })).rejects.toThrow("(limit 0 KB)");
  });
});

describe("parseQuery", () => {
  it("validates query parameters, last value winning", () => {
    const query = z.object({ status: z.enum(["queued", "running"]).optional(), limit: z.coerce.number().int().max(100).default(20) });
    expect(parseQuery(new Request("http://localhost/api/jobs?status=running&limit=5&limit=7"), query)).toEqual({ status: "running", limit: 7 });
    expect(parseQuery(new Request("http://localhost/api/jobs"), query)).toEqual({ limit: 20 });
    expect(() => parseQuery(new Request("http://localhost/api/jobs?limit=1000"), query)).toThrow(ZodError);
  });
});
