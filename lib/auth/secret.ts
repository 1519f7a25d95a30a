import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { dataDir } from "../data-dir";

const secretFile = () => path.join(dataDir(), "nextauth-secret");

/**
 * The secret that signs session tokens: NEXTAUTH_SECRET, or one generated on first start and kept
 * in ./data so sessions survive restarts. Several machines sharing one database must set
 * NEXTAUTH_SECRET to the same value.
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  try {
    const stored = fs.readFileSync(secretFile(), "utf8").trim();
    if (stored) return (process.env.NEXTAUTH_SECRET = stored);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(path.dirname(secretFile()), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(secretFile(), secret + "\n", { mode: 0o600, flag: "wx" });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return authSecret();
  }
  return (process.env.NEXTAUTH_SECRET = secret);
}
