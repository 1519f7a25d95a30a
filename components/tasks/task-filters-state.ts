"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { JobStatus } from "@/lib/jobs/types";

export const TABS = [
  { id: "active", statuses: ["queued", "running"] },
  { id: "succeeded", statuses: ["succeeded"] },
  { id: "failed", statuses: ["failed"] },
  { id: "cancelled", statuses: ["cancelled"] },
  { id: "all", statuses: [] },
] as const satisfies readonly { id: string; statuses: readonly JobStatus[] }[];

export type TabId = (typeof TABS)[number]["id"];

/** What the task center shows, all of it in the URL (shareable, and /tasks?batch=… works). */
export interface TaskFilters {
  tab: TabId;
  kind: string;
  batch: string;
  q: string;
  /** Dates as the date inputs give them: YYYY-MM-DD, local. */
  from: string;
  to: string;
  /** Admins: only their own jobs. */
  mine: boolean;
  /** The job whose details are open. */
  job: string;
}

const KEYS = ["tab", "kind", "batch", "q", "from", "to", "mine", "job"] as const;

function read(params: URLSearchParams): TaskFilters {
  const batch = params.get("batch") ?? "";
  const tab = TABS.find((t) => t.id === params.get("tab"))?.id ?? (batch ? "all" : "active");
  return {
    tab,
    kind: params.get("kind") ?? "",
    batch,
    q: params.get("q") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    mine: params.get("mine") === "1",
    job: params.get("job") ?? "",
  };
}

/** The filters from the URL, and a setter that rewrites the URL in place (no navigation, no reload). */
export function useTaskFilters(): [TaskFilters, (patch: Partial<TaskFilters>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => read(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (patch: Partial<TaskFilters>) => {
      const next = new URLSearchParams(window.location.search);
      for (const key of KEYS) {
        if (!(key in patch)) continue;
        const value = patch[key];
        if (value === "" || value === false || value === undefined) next.delete(key);
        else next.set(key, value === true ? "1" : String(value));
      }
      const search = next.toString();
      window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
    },
    [pathname],
  );
  return [filters, update];
}

const localDay = (ymd: string, plusDays = 0) => {
  const [y, m, d] = ymd.split("-").map(Number);
  return y && m && d ? new Date(y, m - 1, d + plusDays) : null;
};

/** The GET /api/jobs query for these filters: dates become the local day's bounds. */
export function jobListQuery(f: TaskFilters, today: Date, limit: number): string {
  const tab = TABS.find((t) => t.id === f.tab)!;
  const from = localDay(f.from);
  const toExclusive = localDay(f.to, 1);
  const q = new URLSearchParams({ limit: String(limit), today: today.toISOString() });
  if (tab.statuses.length) q.set("status", tab.statuses.join(","));
  if (f.kind) q.set("kind", f.kind);
  if (f.batch) q.set("batch", f.batch);
  if (f.q.trim()) q.set("q", f.q.trim());
  if (from) q.set("from", from.toISOString());
  if (toExclusive) q.set("to", new Date(toExclusive.getTime() - 1).toISOString());
  if (f.mine) q.set("mine", "1");
  return q.toString();
}

export function hasNarrowingFilters(f: TaskFilters): boolean {
  return !!(f.kind || f.batch || f.q.trim() || f.from || f.to);
}
