import { describe, expect, it } from "vitest";
import { registrationSchema } from "./credentials-schema";

const issues = (value: unknown) => {
  const r = registrationSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("registrationSchema", () => {
  it("accepts a good registration and normalises the email", () => {
    expect(registrationSchema.parse({ email: "  Ann@Example.COM ", password: "long enough pass" }).email).toBe("ann@example.com");
  });

  it("explains each weak password rule", () => {
    expect(issues({ email: "a@b.co", password: "short" })).toEqual(["password: Use at least 10 characters for your password"]);
    expect(issues({ email: "ann@example.com", password: "ANN@example.com" })).toContain("password: Your password must not be your email address");
    expect(issues({ email: "a@b.co", password: "aaaaaaaaaaaa" })).toContain("password: Use a password with more variety (at least 4 different characters)");
    expect(issues({ email: "a@b.co", password: "Password123" })).toEqual(["password: That password is too common. Choose one that is harder to guess"]);
    expect(issues({ email: "a@b.co", password: "x".repeat(201) })[0]).toBe("password: Use at most 200 characters for your password");
    expect(issues({ email: "a@b.co" })).toEqual(["password: Choose a password"]);
  });

  it("rejects bad emails, wrong types and unknown fields", () => {
    expect(issues({ email: "not-an-email", password: "long enough pass" })).toEqual(["email: Enter a valid email address"]);
    expect(issues({ email: 42, password: "long enough pass" })[0]).toMatch(/^email:/);
    expect(issues({ email: "a@b.co", password: "long enough pass", role: "admin" })[0]).toMatch(/role/);
  });
});
