import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp } from "./client-ip";

afterEach(() => {
  vi.unstubAllEnvs();
});

const headers = (h: Record<string, string>) => new Headers(h);

describe("clientIp", () => {
  it("takes the address the nearest proxy (or Next.js itself) recorded: the last X-Forwarded-For entry", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }))).toBe("203.0.113.7");
  });

  it("with TRUSTED_PROXIES=2, takes the entry the outer proxy recorded", () => {
    vi.stubEnv("TRUSTED_PROXIES", "2");
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.1, 10.0.0.2" }))).toBe("198.51.100.1");
    expect(clientIp(headers({ "x-forwarded-for": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.1, 10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("falls back to X-Real-IP, then to a fixed name; never longer than 64 characters", () => {
    expect(clientIp(headers({ "x-real-ip": " 192.0.2.1 " }))).toBe("192.0.2.1");
    expect(clientIp(headers({ "x-forwarded-for": " , " }))).toBe("unknown");
    expect(clientIp(headers({}))).toBe("unknown");
    expect(clientIp(headers({ "x-forwarded-for": "x".repeat(500) }))).toHaveLength(64);
  });
});
