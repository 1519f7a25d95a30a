import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SQLITE_FILE, databaseConfig, parseDatabaseUrl } from "./config";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("parseDatabaseUrl", () => {
  it("uses the embedded SQLite file under ./data when no URL is given", () => {
    expect(DEFAULT_SQLITE_FILE).toBe(path.join(process.cwd(), "data", "tandem.db"));
    expect(parseDatabaseUrl(undefined)).toEqual({ dialect: "sqlite", file: DEFAULT_SQLITE_FILE });
    expect(parseDatabaseUrl("")).toEqual({ dialect: "sqlite", file: DEFAULT_SQLITE_FILE });
  });

  it.each([
    "postgres://tandem:secret@db.internal:5432/tandem",
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://tandem@db.internal/tandem?sslmode=require",
    "POSTGRESQL://tandem@db.internal/tandem",
  ])("selects PostgreSQL for %s and keeps the URL as it is", (url) => {
    expect(parseDatabaseUrl(url)).toEqual({ dialect: "postgres", url });
  });

  it("resolves a relative file: URL against the working directory", () => {
    expect(parseDatabaseUrl("file:./data/other.db")).toEqual({ dialect: "sqlite", file: path.join(process.cwd(), "data", "other.db") });
    expect(parseDatabaseUrl("file:other.db")).toEqual({ dialect: "sqlite", file: path.join(process.cwd(), "other.db") });
  });

  it("keeps an absolute file: URL", () => {
    expect(parseDatabaseUrl("file:/var/lib/tandem/tandem.db")).toEqual({ dialect: "sqlite", file: "/var/lib/tandem/tandem.db" });
  });

  it.each(["mysql://root:hunter2@localhost/tandem", "sqlite:./data/tandem.db", "./data/tandem.db", "postgres:/missing-slashes"])(
    "rejects %s, naming the scheme but never the credentials",
    (url) => {
      expect(() => parseDatabaseUrl(url)).toThrow(/^DATABASE_URL must start with postgres:\/\/, postgresql:\/\/ or file:/);
      expect(() => parseDatabaseUrl(url)).not.toThrow(/hunter2/);
    },
  );
});

describe("databaseConfig", () => {
  it("reads DATABASE_URL", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/tandem");
    expect(databaseConfig()).toEqual({ dialect: "postgres", url: "postgresql://postgres@127.0.0.1:5432/tandem" });
    vi.stubEnv("DATABASE_URL", "file:/tmp/tandem-config-test.db");
    expect(databaseConfig()).toEqual({ dialect: "sqlite", file: "/tmp/tandem-config-test.db" });
  });

  it("falls back to the embedded SQLite file without DATABASE_URL", () => {
    vi.stubEnv("DATABASE_URL", undefined);
    expect(databaseConfig()).toEqual({ dialect: "sqlite", file: DEFAULT_SQLITE_FILE });
  });
});
