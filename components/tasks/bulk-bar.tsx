"use client";

import { useEffect, useRef } from "react";
import { useT } from "@/lib/i18n/client";
import type { JobAction } from "@/lib/tasks/bulk-job-action";
import type { JobSummaryView } from "@/lib/tasks/job-view";
import { exportJobs } from "@/lib/tasks/job-export";
import { Button } from "@/components/ui/button";
import { availableActions } from "./job-actions";

function download(jobs: JobSummaryView[], format: "csv" | "json") {
  const file = exportJobs(jobs, format);
  const url = URL.createObjectURL(new Blob([file.body], { type: file.type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `tandem-jobs-${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}.${file.extension}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Select all in view, and what to do with the selection: cancel, retry, delete, export. */
export function BulkBar({
  visible,
  selected,
  onSelectAll,
  onAction,
  busy,
}: {
  visible: JobSummaryView[];
  selected: JobSummaryView[];
  onSelectAll: (selected: boolean) => void;
  onAction: (action: JobAction, ids: string[]) => void;
  busy: boolean;
}) {
  const t = useT();
  const all = useRef<HTMLInputElement>(null);
  const allSelected = visible.length > 0 && selected.length === visible.length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = selected.length > 0 && !allSelected;
  }, [selected.length, allSelected]);
  const eligible = (action: JobAction) => selected.filter((j) => availableActions(j).includes(action)).map((j) => j.id);
  const actions: JobAction[] = ["cancel", "retry", "delete"];
  return (
    <div className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm" role="toolbar" aria-label={t("bulk.label")}>
      <label className="mr-2 flex items-center gap-2">
        <input ref={all} type="checkbox" checked={allSelected} disabled={visible.length === 0} onChange={(e) => onSelectAll(e.target.checked)} className="h-4 w-4 accent-indigo-600" />
        <span>{selected.length ? t("bulk.selected", { count: selected.length }) : t("bulk.selectAll")}</span>
      </label>
      {selected.length > 0 && (
        <>
          {actions.map((action) => {
            const ids = eligible(action);
            return (
              <Button key={action} size="sm" variant={action === "delete" ? "danger" : "secondary"} disabled={busy || ids.length === 0} onClick={() => onAction(action, ids)}>
                {t(`bulk.${action}`, { count: ids.length })}
              </Button>
            );
          })}
          <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
          <Button size="sm" variant="ghost" onClick={() => download(selected, "csv")}>
            {t("bulk.exportCsv")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => download(selected, "json")}>
            {t("bulk.exportJson")}
          </Button>
        </>
      )}
    </div>
  );
}
