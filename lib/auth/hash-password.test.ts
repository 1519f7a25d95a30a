import { describe, expect, it } from "vitest";
import { hashPassword } from "./hash-password";
import { verifyPassword } from "./verify-password";

describe("hashPassword and verifyPassword", () => {
  it("hashes with argon2id and a fresh salt each time, and verifies only the same password", async () => {
    const a = await hashPassword("a decent passphrase");
    const b = await hashPassword("a decent passphrase");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "a decent passphrase")).toBe(true);
    expect(await verifyPassword(b, "a decent passphrase")).toBe(true);
    expect(await verifyPassword(a, "a decent passphrasE")).toBe(false);
  });

  it("treats a malformed stored hash as no match instead of throwing", async () => {
    expect(await verifyPassword("not a hash", "anything at all")).toBe(false);
    expect(await verifyPassword("", "anything at all")).toBe(false);
  });
});
