"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { JobSummaryView } from "@/lib/tasks/job-view";

export interface JobList {
  jobs: JobSummaryView[];
  nextCursor: string | null;
  counts: Record<string, number>;
}

const ACTIVE_MS = 1_000;
const IDLE_MS = 5_000;

/** Polls GET /api/jobs: every second while something is queued or running, slower otherwise, not while the tab is hidden. Unchanged answers come back 304 and keep the data. */
export function useJobs(query: string) {
  const etag = useRef<{ query: string; tag: string; data: JobList } | null>(null);
  const visible = usePageVisible();
  return useQuery({
    queryKey: ["jobs", query],
    queryFn: async ({ signal }): Promise<JobList> => {
      const cached = etag.current?.query === query ? etag.current : null;
      const res = await fetch(`/api/jobs?${query}`, { signal, headers: cached ? { "If-None-Match": cached.tag } : {} });
      if (res.status === 304 && cached) return cached.data;
      if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `The server answered ${res.status}`);
      const data = (await res.json()) as JobList;
      const tag = res.headers.get("etag");
      etag.current = tag ? { query, tag, data } : null;
      return data;
    },
    refetchInterval: (q) => {
      if (!visible) return false;
      const counts = q.state.data?.counts;
      return (counts?.queued ?? 0) + (counts?.running ?? 0) > 0 ? ACTIVE_MS : IDLE_MS;
    },
    placeholderData: (previous) => previous,
  });
}

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === "visible");
    update();
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}
