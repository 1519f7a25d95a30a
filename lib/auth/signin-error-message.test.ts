import { describe, expect, it } from "vitest";
import { signinErrorMessage } from "./signin-error-message";

describe("signinErrorMessage", () => {
  it("says plainly what went wrong for the errors sign-in produces", () => {
    expect(signinErrorMessage(undefined)).toBeNull();
    expect(signinErrorMessage("")).toBeNull();
    expect(signinErrorMessage("CredentialsSignin")).toBe("Email or password is wrong.");
    expect(signinErrorMessage("Too many failed sign-ins. Try again in 14 minutes.")).toBe("Too many failed sign-ins. Try again in 14 minutes.");
    expect(signinErrorMessage("Too many failed sign-ins. Try again in 1 minute.")).toBe("Too many failed sign-ins. Try again in 1 minute.");
  });

  it("never repeats other text from the URL", () => {
    expect(signinErrorMessage("Your account is suspended, call +1 555 0100")).toBe("Signing in did not work. Please try again.");
    expect(signinErrorMessage("Too many failed sign-ins. Try again in 5 minutes. Call +1 555 0100")).toBe("Signing in did not work. Please try again.");
  });
});
