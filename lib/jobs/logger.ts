import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(): Logger {
  return pino({ name: "tandem-jobs", level: process.env.LOG_LEVEL ?? "info" });
}

/** Logs about one run of a job, its fields on every message. */
export interface JobLog {
  info(message: string, fields?: object): void;
  warn(message: string, fields?: object): void;
}

/**
 * The fields go with each message rather than into a pino child logger, which would serialize them
 * for every job run, though most runs log nothing.
 */
export function jobLog(logger: Logger, job: { id: string; kind: string; attempts: number }): JobLog {
  const fields = (extra?: object) => ({ jobId: job.id, kind: job.kind, attempt: job.attempts, ...extra });
  return {
    info: (message, extra) => logger.info(fields(extra), message),
    warn: (message, extra) => logger.warn(fields(extra), message),
  };
}
