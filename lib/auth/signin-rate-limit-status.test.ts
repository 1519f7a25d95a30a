import { describe, expect, it } from "vitest";
import { signinLimitMessage } from "./verify-credentials";
import { withSigninRateLimitStatus } from "./signin-rate-limit-status";

const json = (url: string, status = 401) =>
  new Response(JSON.stringify({ url }), { status, headers: { "content-type": "application/json", "set-cookie": "a=1; Path=/" } });

describe("withSigninRateLimitStatus", () => {
  it("turns a sign-in refused by the rate limit into 429 with Retry-After, keeping the body and cookies", async () => {
    const url = `http://localhost:3000/api/auth/error?error=${encodeURIComponent(signinLimitMessage(14 * 60 + 5))}`;
    const response = await withSigninRateLimitStatus(json(url));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("900");
    expect(response.headers.get("set-cookie")).toBe("a=1; Path=/");
    expect(await response.json()).toEqual({ url });
  });

  it("leaves wrong passwords, successes and redirects as next-auth answered them", async () => {
    const wrong = await withSigninRateLimitStatus(json("http://localhost:3000/api/auth/error?error=CredentialsSignin"));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("retry-after")).toBeNull();
    expect((await withSigninRateLimitStatus(json("http://localhost:3000/tasks", 200))).status).toBe(200);
    const redirect = new Response(null, { status: 302, headers: { location: "/signin?error=Too%20many" } });
    expect(await withSigninRateLimitStatus(redirect)).toBe(redirect);
  });
});
