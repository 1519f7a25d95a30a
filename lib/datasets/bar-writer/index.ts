import type { DatabaseConfig } from "../../db/config";
import type { BarWriter } from "./bar-writer";
import { openPostgresBarWriter } from "./postgres";
import { openSqliteBarWriter } from "./sqlite";

export type { BarWriter } from "./bar-writer";

export async function openBarWriter(config: DatabaseConfig): Promise<BarWriter> {
  return config.dialect === "postgres" ? openPostgresBarWriter(config.url) : openSqliteBarWriter(config.file);
}
