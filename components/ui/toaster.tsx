"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";

export interface Toast {
  title: string;
  description?: string;
  tone?: "success" | "error" | "info";
  action?: { href: string; label: string };
}

type ShownToast = Toast & { id: number };

const ToastContext = createContext<(toast: Toast) => void>(() => {});
const SHOWN_MS = 8_000;

/** Shows short notices in a polite live region at the bottom corner; each closes itself after a while. */
export function Toaster({ children }: { children: React.ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: Toast) => setToasts((all) => [...all.slice(-4), { ...toast, id: next.current++ }]), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <section
        aria-label={t("toast.region")}
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
      >
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={dismiss} closeLabel={t("toast.dismiss")} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

export function useToast(): (toast: Toast) => void {
  return useContext(ToastContext);
}

const ACCENT = { success: "border-l-emerald-500", error: "border-l-red-500", info: "border-l-indigo-500" };

function ToastCard({ toast, onDismiss, closeLabel }: { toast: ShownToast; onDismiss: (id: number) => void; closeLabel: string }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismiss(toast.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [paused, onDismiss, toast.id]);
  return (
    <div
      role={toast.tone === "error" ? "alert" : "status"}
      data-testid="toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={`pointer-events-auto w-full max-w-sm rounded-lg border border-l-4 border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${ACCENT[toast.tone ?? "info"]}`}
    >
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium break-words">{toast.title}</p>
          {toast.description && <p className="mt-0.5 text-sm break-words text-slate-600 dark:text-slate-300">{toast.description}</p>}
          {toast.action && (
            <Link href={toast.action.href} className="mt-1 inline-block text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              {toast.action.label}
            </Link>
          )}
        </div>
        <button
          type="button"
          onClick={() => onDismiss(toast.id)}
          aria-label={closeLabel}
          className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}
