export { getDatabase, createDatabase, type Db, type Database } from "./client";
export { databaseConfig, parseDatabaseUrl, type DatabaseConfig, type Dialect } from "./config";
export { migrate } from "./migrate";
