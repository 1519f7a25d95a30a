export const WRONG_CREDENTIALS_MESSAGE = "Email or password is wrong.";

const RATE_LIMITED = /^Too many failed sign-ins\. Try again in (\d+) minutes?\.$/;

/**
 * What the sign-in page says for a next-auth error (the `error` of signIn()'s result, or the
 * `?error=` next-auth puts in the URL). Only known texts are shown as they are, so a crafted link
 * cannot make the page display a message of the sender's choosing.
 */
export function signinErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return WRONG_CREDENTIALS_MESSAGE;
  if (error === "SessionRequired") return "Sign in to continue.";
  if (RATE_LIMITED.test(error)) return error;
  return "Signing in did not work. Please try again.";
}

/** The wait a rate-limited sign-in's error names, in seconds; null for any other error. */
export function signinLimitWaitSeconds(error: string | null | undefined): number | null {
  const match = error && RATE_LIMITED.exec(error);
  return match ? Number(match[1]) * 60 : null;
}
