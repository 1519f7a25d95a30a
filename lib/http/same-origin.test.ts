import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const request = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/api/things", { method, headers });

describe("isSameOriginRequest", () => {
  it("lets reads through from anywhere", () => {
    expect(isSameOriginRequest(request("GET", { host: "localhost:3000", origin: "https://evil.example" }))).toBe(true);
    expect(isSameOriginRequest(request("HEAD", { host: "localhost:3000", origin: "https://evil.example" }))).toBe(true);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("lets %s through when Origin names the host", (method) => {
    expect(isSameOriginRequest(request(method, { host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses %s from another origin", (method) => {
    expect(isSameOriginRequest(request(method, { host: "localhost:3000", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(request(method, { host: "localhost:3000", origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOriginRequest(request(method, { host: "localhost:3000", origin: "http://localhost.evil.example:3000" }))).toBe(false);
  });

  it("refuses Origin: null and garbage origins", () => {
    expect(isSameOriginRequest(request("POST", { host: "localhost:3000", origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { host: "localhost:3000", origin: "::::" }))).toBe(false);
  });

  it("compares with the forwarded host behind a proxy, and ignores default ports and case", () => {
    expect(isSameOriginRequest(request("POST", { host: "127.0.0.1:3000", "x-forwarded-host": "tandem.example.com", origin: "https://tandem.example.com" }))).toBe(true);
    expect(isSameOriginRequest(request("POST", { host: "Tandem.Example.com:443", origin: "https://tandem.example.com" }))).toBe(true);
    expect(isSameOriginRequest(request("POST", { host: "127.0.0.1:3000", "x-forwarded-host": "tandem.example.com", origin: "https://evil.example" }))).toBe(false);
  });

  it("without Origin, refuses what the browser marks cross-site and lets other clients through", () => {
    expect(isSameOriginRequest(request("POST", { host: "localhost:3000", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { host: "localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(request("POST", { host: "localhost:3000" }))).toBe(true);
  });
});
