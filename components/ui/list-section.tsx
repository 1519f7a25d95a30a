import type { ReactNode } from "react";

interface ListSectionProps {
  /** The section's id prefix (its heading is `${id}-title`). */
  id: string;
  title: string;
  /** The primary action beside the title (e.g. "Upload a file"). */
  action?: ReactNode;
  /** What is listed, for the loading and error lines ("datasets"). */
  noun: string;
  isPending: boolean;
  error: Error | null;
  /** Shown when the list has loaded and is empty. */
  empty: ReactNode;
  isEmpty: boolean;
  /** Column headers of the table; an empty label is an actions column (read by screen readers only). */
  columns: { label: string; className?: string }[];
  /** Anything between the header and the list (an alert). */
  notice?: ReactNode;
  /** The table's rows. */
  children: ReactNode;
}

/** A page that lists the user's things: title and action, loading / error / empty states, and a table. */
export function ListSection({ id, title, action, noun, isPending, error, empty, isEmpty, columns, notice, children }: ListSectionProps) {
  const loaded = !isPending && !error;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id={`${id}-title`} className="text-2xl font-semibold tracking-tight">
          {title}
        </h1>
        {action}
      </div>
      {notice}
      {isPending && <p className="text-slate-500">Loading {noun}…</p>}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Could not load {noun}: {error.message}. Reload the page to try again.
        </p>
      )}
      {loaded && isEmpty && (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-300">{empty}</p>
      )}
      {loaded && !isEmpty && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <tr>
                {columns.map((c, i) => (
                  <th key={c.label || `actions-${i}`} className={`px-3 py-2 ${c.className ?? ""}`}>
                    {c.label || <span className="sr-only">Actions</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
