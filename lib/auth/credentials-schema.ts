import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address" }));

/** Passwords long enough to pass the length rule that are still among the first any attacker tries. */
const COMMON_PASSWORDS = new Set([
  "0123456789", "1234567890", "0987654321", "123456789a", "a123456789", "1q2w3e4r5t", "1qaz2wsx3edc",
  "qwertyuiop", "qwerty1234", "qwerty123456", "asdfghjkl;", "password12", "password123", "password1234",
  "password123!", "passw0rd123", "p@ssw0rd123", "iloveyou12", "letmein123", "welcome123", "changeme123",
  "administrator", "admin12345", "trustno1234", "football123", "baseball123", "sunshine123", "princess123",
]);

/**
 * What registration accepts. Each password rule has its own message, so the form (and a 422
 * answer's `issues`) can say exactly what to change.
 */
export const registrationSchema = z
  .object({
    email: emailSchema,
    password: z
      .string({ error: "Choose a password" })
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for your password`)
      .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters for your password`),
    name: z.string().trim().max(100, "Use at most 100 characters for your name").optional(),
  })
  .strict()
  .refine((v) => v.password.trim().toLowerCase() !== v.email, {
    path: ["password"],
    message: "Your password must not be your email address",
  })
  .refine((v) => new Set(v.password).size >= 4, {
    path: ["password"],
    message: "Use a password with more variety (at least 4 different characters)",
  })
  .refine((v) => !COMMON_PASSWORDS.has(v.password.toLowerCase()), {
    path: ["password"],
    message: "That password is too common. Choose one that is harder to guess",
  });

/** What callers pass in (before trimming and lower-casing)… */
export type RegistrationRequest = z.input<typeof registrationSchema>;
/** …and what registration works with. */
export type RegistrationInput = z.output<typeof registrationSchema>;
