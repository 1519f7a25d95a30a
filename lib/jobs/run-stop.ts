import type { JobAbortedError } from "./errors";

/**
 * Whether one run was stopped (cancelled, timed out, lease lost, shutdown) and why, with the
 * AbortSignal its handler sees, made only when the handler first reads it: creating an
 * AbortController for every run took about a tenth of a worker's time with very short jobs
 * (measured), and most of them never read their signal.
 */
export class RunStop {
  #reason: JobAbortedError | null = null;
  #controller: AbortController | null = null;

  get stopped(): boolean {
    return this.#reason !== null;
  }

  /** Why it was stopped; null while it runs. */
  get reason(): JobAbortedError | null {
    return this.#reason;
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#reason) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Stops the run and fires its signal; false if it was stopped already. */
  stop(reason: JobAbortedError): boolean {
    if (this.#reason) return false;
    this.#reason = reason;
    this.#controller?.abort(reason);
    return true;
  }
}
