"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useT } from "@/lib/i18n/client";
import { useToast } from "@/components/ui/toaster";
import { fetchJob, fetchJobList } from "./job-api";

const MY_ACTIVE = "status=queued,running&mine=1&limit=200&counts=0";

/**
 * Toasts when a job the user submitted finishes or fails while the page is open: it watches the
 * user's queued and running jobs, and asks for the final state of each one that leaves that list
 * (a cancelled or deleted job makes no toast: the user did that).
 */
export function useFinishedJobToasts() {
  const t = useT();
  const toast = useToast();
  const { data } = useQuery({
    queryKey: ["jobs", "mine-active"],
    queryFn: ({ signal }) => fetchJobList(MY_ACTIVE, signal),
    refetchInterval: (q) => (q.state.data?.jobs.length ? 1_000 : 5_000),
  });
  const watched = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!data) return;
    const active = new Set(data.jobs.map((j) => j.id));
    const before = watched.current;
    watched.current = active;
    for (const id of before ?? []) {
      if (active.has(id)) continue;
      fetchJob(id)
        .then((job) => {
          if (job.status === "succeeded") {
            toast({
              tone: "success",
              title: t("toast.jobSucceeded", { name: job.name }),
              action: job.resultHref ? { href: job.resultHref, label: t("job.openResult") } : undefined,
            });
          } else if (job.status === "failed") {
            toast({ tone: "error", title: t("toast.jobFailed", { name: job.name }), description: job.errorMessage ?? undefined });
          }
        })
        .catch(() => {});
    }
  }, [data, t, toast]);
}
