import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(): Logger {
  return pino({ name: "tandem-jobs", level: process.env.LOG_LEVEL ?? "info" });
}

/**
 * Logs about one run of a job, its fields on every message rather than in a pino child logger,
 * which would serialize them for every run, though most runs log nothing.
 */
export class JobLog {
  constructor(
    private readonly logger: Logger,
    private readonly job: { id: string; kind: string; attempts: number },
  ) {}

  info(message: string, fields?: object): void {
    this.logger.info(this.fields(fields), message);
  }

  warn(message: string, fields?: object): void {
    this.logger.warn(this.fields(fields), message);
  }

  private fields(extra?: object) {
    return { jobId: this.job.id, kind: this.job.kind, attempt: this.job.attempts, ...extra };
  }
}
