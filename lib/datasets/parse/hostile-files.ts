/*
 * Hostile files for the importer's fuzz tests: random bytes, and every CSV of the vega-datasets
 * package (market data or not) damaged at random.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { sampleFilePath } from "../sample-datasets";

export const VEGA_DIR = path.dirname(sampleFilePath("stocks.csv"));
/** The first 6 KB of every CSV in vega-datasets: prices, weather, flights, zip codes… */
export const REAL_FILES = fs
  .readdirSync(VEGA_DIR)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => ({ name: f, bytes: fs.readFileSync(path.join(VEGA_DIR, f)).subarray(0, 6_000) }));

/** A damage to a file: bytes replaced, inserted or deleted, or whole lines dropped, doubled, cut or padded. */
const damage = fc.oneof(
  fc.record({ kind: fc.constantFrom("replace", "insert", "delete"), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constantFrom("drop-line", "double-line", "truncate", "huge-field", "crlf", "semicolons"), at: fc.nat(), bytes: fc.constant(new Uint8Array()) }),
);
type Damage = { kind: string; at: number; bytes: Uint8Array };

function damaged(file: Buffer, damages: Damage[]): Buffer {
  let out = Buffer.from(file);
  for (const { kind, at, bytes } of damages) {
    const i = out.length ? at % out.length : 0;
    const lines = out.toString("latin1").split("\n");
    const line = lines.length ? at % lines.length : 0;
    if (kind === "replace") out = Buffer.concat([out.subarray(0, i), bytes, out.subarray(i + bytes.length)]);
    else if (kind === "insert") out = Buffer.concat([out.subarray(0, i), bytes, out.subarray(i)]);
    else if (kind === "delete") out = Buffer.concat([out.subarray(0, i), out.subarray(i + 1 + (at % 50))]);
    else if (kind === "truncate") out = out.subarray(0, i);
    else {
      if (kind === "drop-line") lines.splice(line, 1);
      if (kind === "double-line") lines.splice(line, 0, lines[line] ?? "");
      if (kind === "huge-field") lines[line] = `${lines[line] ?? ""},${"9".repeat(100_000)}`;
      if (kind === "crlf") lines.forEach((l, n) => (lines[n] = `${l}\r`));
      if (kind === "semicolons") lines[line] = (lines[line] ?? "").replaceAll(",", ";");
      out = Buffer.from(lines.join("\n"), "latin1");
    }
  }
  return out;
}

export const hostileFile = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3_000 }).map((b) => Buffer.from(b)) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...REAL_FILES), fc.array(damage, { minLength: 1, maxLength: 6 })).map(([file, d]) => damaged(file.bytes, d)) },
);

/** Fails instead of waiting for ever. */
export function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

