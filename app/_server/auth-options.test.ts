import { afterEach, describe, expect, it } from "vitest";
import { authOptions, sessionMaxAgeSeconds } from "./auth-options";

describe("session lifetime", () => {
  afterEach(() => {
    delete process.env.SESSION_MAX_AGE_HOURS;
  });

  it("is SESSION_MAX_AGE_HOURS, 24 hours when unset or not a positive number", () => {
    expect(sessionMaxAgeSeconds()).toBe(24 * 3600);
    process.env.SESSION_MAX_AGE_HOURS = "0.5";
    expect(sessionMaxAgeSeconds()).toBe(1800);
    for (const bad of ["0", "-3", "soon", ""]) {
      process.env.SESSION_MAX_AGE_HOURS = bad;
      expect(sessionMaxAgeSeconds(), bad).toBe(24 * 3600);
    }
  });

  it("is the JWT session's maxAge", () => {
    process.env.SESSION_MAX_AGE_HOURS = "8";
    process.env.NEXTAUTH_SECRET ??= "test-secret";
    expect(authOptions().session).toEqual({ strategy: "jwt", maxAge: 8 * 3600 });
  });
});
