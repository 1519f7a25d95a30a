"use client";

import { useEffect, useRef } from "react";
import { useT } from "@/lib/i18n/client";

/**
 * A side panel on the native <dialog> (modal: focus stays inside, Escape closes, the page behind
 * is inert, focus returns to what opened it). Full width on phones.
 */
export function Drawer({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: React.ReactNode; children: React.ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="drawer-title"
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-full max-w-2xl overflow-y-auto border-l border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/40 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-100"
    >
      {/* Fills the panel, so only a click on the backdrop lands on the <dialog> itself. */}
      <div className="min-h-full">
        <div className="sticky top-0 z-10 flex items-start gap-3 border-b border-slate-200 bg-white/95 px-5 py-4 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
          <h2 id="drawer-title" className="min-w-0 flex-1 text-lg font-semibold break-words">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            aria-label={t("common.close")}
            className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100"
          >
            <span aria-hidden="true" className="block h-5 w-5 text-xl leading-5">
              ×
            </span>
          </button>
        </div>
        {open && <div className="px-5 py-4">{children}</div>}
      </div>
    </dialog>
  );
}
