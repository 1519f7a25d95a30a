"use client";

/** Saves text the page already has as a file (no round trip to the server). */
export function DownloadButton({ fileName, type, content, children }: { fileName: string; type: string; content: () => string; children: React.ReactNode }) {
  return (
    <button
      type="button"
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([content()], { type }));
        const a = document.createElement("a");
        a.href = url;
        a.download = fileName;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1_000);
      }}
    >
      {children}
    </button>
  );
}
