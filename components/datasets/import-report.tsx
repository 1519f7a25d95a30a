interface Report {
  format?: string;
  encoding?: string;
  delimiter?: string;
  columns?: string[];
  rowsRead?: number;
  imported?: number;
  rejected?: number;
  problems?: { line: number; message: string }[];
}

const DELIMITER: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** What the import read, kept and rejected, with the first problems and their line numbers. */
export function ImportReport({ report }: { report: unknown }) {
  if (!report || typeof report !== "object") return null;
  const r = report as Report;
  return (
    <section aria-labelledby="report-title" className="space-y-2">
      <h2 id="report-title" className="text-lg font-semibold">
        Import report
      </h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <Item term="Rows read" value={r.rowsRead} />
        <Item term="Imported" value={r.imported} />
        <Item term="Rejected" value={r.rejected} />
        <Item term="Layout" value={[r.format, r.encoding, r.delimiter && DELIMITER[r.delimiter]].filter(Boolean).join(" · ")} />
      </dl>
      {r.columns && <p className="text-xs text-slate-500 dark:text-slate-400">Columns: {r.columns.join(", ")}</p>}
      {r.problems && r.problems.length > 0 && (
        <details className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <summary className="cursor-pointer font-medium">
            {r.rejected} row{r.rejected === 1 ? "" : "s"} skipped — first {r.problems.length} problems
          </summary>
          <ul className="mt-2 max-h-64 list-disc overflow-auto pl-5">
            {r.problems.map((p, i) => (
              <li key={i}>
                line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Item({ term, value }: { term: string; value: string | number | undefined }) {
  return (
    <div>
      <dt className="text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className="font-medium tabular-nums">{typeof value === "number" ? value.toLocaleString() : value || "—"}</dd>
    </div>
  );
}
