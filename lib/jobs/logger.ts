import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(): Logger {
  return pino({ name: "tandem-jobs", level: process.env.LOG_LEVEL ?? "info" });
}
