"use client";

import { keepPreviousData, useInfiniteQuery, useIsMutating, type InfiniteData } from "@tanstack/react-query";
import { fetchJobList, type JobListBody } from "./job-api";

const ACTIVE_MS = 1_000;
const IDLE_MS = 5_000;

export const JOB_LIST_KEY = ["jobs", "list"] as const;
export const JOB_ACTION_KEY = ["jobs", "action"] as const;

/** Something the view shows (or counts, under its filters) is queued or running. */
export function isLive(data: InfiniteData<JobListBody> | undefined): boolean {
  if (!data) return false;
  const counts = data.pages[0]?.counts;
  if (counts && counts.queued + counts.running > 0) return true;
  return data.pages.some((p) => p.jobs.some((j) => j.status === "queued" || j.status === "running"));
}

/**
 * The job list, page by page (cursor pagination), polled: every second while anything in view is
 * queued or running, every 5 s otherwise, never while the browser tab is hidden (react-query's
 * default), and not while an action is on its way (its optimistic update would flicker back).
 * Unchanged pages come back 304.
 */
export function useJobList(query: string) {
  const acting = useIsMutating({ mutationKey: JOB_ACTION_KEY }) > 0;
  return useInfiniteQuery({
    queryKey: [...JOB_LIST_KEY, query],
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => fetchJobList(pageParam ? `${query}&cursor=${encodeURIComponent(pageParam)}` : query, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => (acting ? false : isLive(q.state.data) ? ACTIVE_MS : IDLE_MS),
    placeholderData: keepPreviousData,
  });
}
