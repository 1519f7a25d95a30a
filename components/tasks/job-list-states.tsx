"use client";

import { useT } from "@/lib/i18n/client";
import { Button, LinkButton } from "@/components/ui/button";
import { ApiError } from "./job-api";
import type { TabId } from "./task-filters-state";

export function JobListLoading() {
  const t = useT();
  return (
    <div aria-busy="true" className="space-y-3 p-4">
      <p className="sr-only" role="status">
        {t("list.loading")}
      </p>
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex animate-pulse items-center gap-4 motion-reduce:animate-none">
          <div className="h-4 w-4 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-4 flex-1 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-2 w-1/4 rounded bg-slate-200 dark:bg-slate-800" />
        </div>
      ))}
    </div>
  );
}

export function JobListError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT();
  if (error instanceof ApiError && error.status === 401) {
    return (
      <div role="alert" className="space-y-3 p-6 text-sm">
        <p>{t("list.signedOut")}</p>
        <LinkButton href="/signin?callbackUrl=/tasks" variant="primary">
          {t("list.signIn")}
        </LinkButton>
      </div>
    );
  }
  return (
    <div role="alert" className="space-y-3 p-6 text-sm">
      <p className="font-medium text-red-700 dark:text-red-300">{t("list.error", { message: error.message })}</p>
      <p className="text-slate-600 dark:text-slate-300">{t("list.errorNext")}</p>
      <Button onClick={onRetry}>{t("common.tryAgain")}</Button>
    </div>
  );
}

export function JobListEmpty({ tab, filtered, onClear }: { tab: TabId; filtered: boolean; onClear: () => void }) {
  const t = useT();
  if (filtered) {
    return (
      <div className="space-y-3 p-6 text-sm" data-testid="empty-state">
        <p className="font-medium">{t("empty.filtered")}</p>
        <p className="text-slate-600 dark:text-slate-300">{t("empty.filteredNext")}</p>
        <Button onClick={onClear}>{t("filters.clear")}</Button>
      </div>
    );
  }
  return (
    <div className="space-y-3 p-6 text-sm" data-testid="empty-state">
      <p className="font-medium">{t(`empty.${tab}`)}</p>
      <p className="text-slate-600 dark:text-slate-300">{t("empty.next")}</p>
      <div className="flex flex-wrap gap-2">
        <LinkButton href="/analysis/new" variant="primary">
          {t("nav.newAnalysis")}
        </LinkButton>
        <LinkButton href="/datasets">{t("empty.importDataset")}</LinkButton>
      </div>
    </div>
  );
}
