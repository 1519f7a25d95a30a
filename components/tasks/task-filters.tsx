"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FILTER_KINDS, jobKindLabel } from "./job-kind-label";
import { hasNarrowingFilters, type TaskFilters } from "./task-filters-state";

const SEARCH_DELAY_MS = 300;

/** Search, kind, date range and (admins) whose jobs; every change rewrites the URL. */
export function TaskFiltersBar({ filters, onChange, isAdmin }: { filters: TaskFilters; onChange: (patch: Partial<TaskFilters>) => void; isAdmin: boolean }) {
  const t = useT();
  const [searchKey, setSearchKey] = useState(0);
  const clear = () => {
    onChange({ kind: "", batch: "", q: "", from: "", to: "" });
    setSearchKey((k) => k + 1);
  };
  return (
    <form role="search" aria-label={t("filters.label")} onSubmit={(e) => e.preventDefault()} className="flex flex-wrap items-end gap-3">
      <SearchBox key={searchKey} initial={filters.q} onSearch={(q) => onChange({ q })} />
      <Field label={t("filters.kind")}>
        {(id) => (
          <select id={id} value={filters.kind} onChange={(e) => onChange({ kind: e.target.value })} className={inputClass}>
            <option value="">{t("filters.allKinds")}</option>
            {FILTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {jobKindLabel(k, t)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("filters.from")}>
        {(id) => <input id={id} type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ from: e.target.value })} className={inputClass} />}
      </Field>
      <Field label={t("filters.to")}>
        {(id) => <input id={id} type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ to: e.target.value })} className={inputClass} />}
      </Field>
      {isAdmin && (
        <Field label={t("filters.whose")}>
          {(id) => (
            <select id={id} value={filters.mine ? "mine" : "all"} onChange={(e) => onChange({ mine: e.target.value === "mine" })} className={inputClass}>
              <option value="all">{t("filters.everyone")}</option>
              <option value="mine">{t("filters.mine")}</option>
            </select>
          )}
        </Field>
      )}
      {hasNarrowingFilters(filters) && (
        <Button variant="ghost" onClick={clear}>
          {t("filters.clear")}
        </Button>
      )}
    </form>
  );
}

/** A label above its control, tied by id (the control's name is the label alone). */
function Field({ label, className = "", children }: { label: string; className?: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const t = useT();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <Field label={t("filters.search")} className="min-w-[12rem] flex-1">
      {(id) => (
        <input
          id={id}
          type="search"
          defaultValue={initial}
          placeholder={t("filters.searchPlaceholder")}
          onChange={(e) => {
            const q = e.target.value;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => onSearch(q), SEARCH_DELAY_MS);
          }}
          className={inputClass}
        />
      )}
    </Field>
  );
}
