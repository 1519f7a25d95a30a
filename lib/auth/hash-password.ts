import { hash } from "@node-rs/argon2";

/** argon2id, the @node-rs/argon2 numeric id of the algorithm (its enum is a const enum). */
const ARGON2ID = 2;

/**
 * Hashes a password with argon2id at OWASP's baseline cost (19 MiB memory, 2 passes, 1 lane).
 * The result is a PHC string ("$argon2id$v=19$m=19456,t=2,p=1$…") carrying its own salt.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}
