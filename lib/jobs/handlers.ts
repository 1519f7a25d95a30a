import type { HandlerOptions, JobHandler } from "./types";

export interface HandlerDefinition {
  handler: JobHandler;
  options: HandlerOptions;
}

/** Which code runs each kind of job. */
export class HandlerRegistry {
  private readonly definitions = new Map<string, HandlerDefinition>();

  define<P>(kind: string, handler: JobHandler<P>, options: HandlerOptions = {}): void {
    if (this.definitions.has(kind)) throw new Error(`A handler for job kind "${kind}" is already registered`);
    if (options.concurrency !== undefined && !(options.concurrency > 0)) throw new Error("concurrency must be positive");
    this.definitions.set(kind, { handler: handler as JobHandler, options });
  }

  get(kind: string): HandlerDefinition | undefined {
    return this.definitions.get(kind);
  }

  kinds(): string[] {
    return [...this.definitions.keys()];
  }
}
