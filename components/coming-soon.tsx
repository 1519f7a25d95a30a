/** A page that exists in the navigation but is not built yet, saying so plainly. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="coming-soon-title" className="space-y-3">
      <h1 id="coming-soon-title" className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <p className="font-medium text-slate-800 dark:text-slate-100">This page is not built yet.</p>
        <p className="mt-1 text-sm">{children}</p>
      </div>
    </section>
  );
}
