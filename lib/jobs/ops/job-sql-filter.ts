import type { Store } from "../store";
import type { JobFilter } from "./list-jobs";

/**
 * A JobFilter's conditions but status, as SQL for either database, with their parameters in order:
 * the list and the counts read the same jobs for the same filter.
 */
export class JobSqlFilter {
  readonly params: unknown[] = [];

  constructor(
    private readonly store: Store,
    private readonly filter: JobFilter,
  ) {}

  param(value: unknown): string {
    this.params.push(value);
    return this.store.dialect.sql.param(this.params.length);
  }

  date(value: Date): string {
    return this.param(this.store.dialect.sql.date(value));
  }

  /** Each call adds its parameters again: a statement that repeats the conditions calls it once per copy. */
  conditions(): string[] {
    const { filter } = this;
    return [
      filter.ownerId !== undefined && `owner_id = ${this.param(filter.ownerId)}`,
      filter.kind && `kind = ${this.param(filter.kind)}`,
      filter.batchId && `batch_id = ${this.param(filter.batchId)}`,
      filter.search && `name ${this.store.dialect.sql.likeIgnoringCase} ${this.param(`%${escapeLike(filter.search)}%`)} ESCAPE '\\'`,
      filter.createdFrom && `created_at >= ${this.date(filter.createdFrom)}`,
      filter.createdTo && `created_at <= ${this.date(filter.createdTo)}`,
      filter.finishedFrom && `finished_at >= ${this.date(filter.finishedFrom)}`,
    ].filter((c): c is string => typeof c === "string");
  }
}

/** The text matched as it is: LIKE's wildcards in it match only themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
