import path from "node:path";

/** Where Tandem keeps its files (secret, uploads, the default SQLite database): `TANDEM_DATA_DIR` or ./data. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.TANDEM_DATA_DIR ?? "data");
}
