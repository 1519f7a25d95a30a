"use client";

import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import type { JobStatus } from "@/lib/jobs/types";
import { applyJobActionLocally } from "@/lib/tasks/apply-job-action-locally";
import type { JobAction } from "@/lib/tasks/bulk-job-action";
import { useToast } from "@/components/ui/toaster";
import { runJobAction, type JobListBody } from "./job-api";
import { JOB_ACTION_KEY, JOB_LIST_KEY } from "./use-jobs";

type ListData = InfiniteData<JobListBody>;

function applyLocally(data: ListData | undefined, action: JobAction, ids: Set<string>): ListData | undefined {
  if (!data) return data;
  const now = new Date();
  const first = data.pages[0];
  const counts = first?.counts ? { ...first.counts } : null;
  const pages = data.pages.map((page) => ({
    ...page,
    jobs: page.jobs.flatMap((job) => {
      if (!ids.has(job.id)) return [job];
      const next = applyJobActionLocally(job, action, now);
      if (counts && next?.status !== job.status) {
        counts[job.status as JobStatus] -= 1;
        if (next) counts[next.status as JobStatus] += 1;
      }
      return next ? [next] : [];
    }),
  }));
  if (counts && pages[0]) pages[0] = { ...pages[0], counts };
  return { ...data, pages };
}

/**
 * Cancel, retry or delete jobs (one or a selection) through POST /api/jobs/bulk: the list changes
 * at once (optimistic), rolls back if the request fails, and is refetched either way.
 */
export function useJobActions() {
  const client = useQueryClient();
  const toast = useToast();
  const t = useT();
  return useMutation({
    mutationKey: JOB_ACTION_KEY,
    mutationFn: ({ action, ids }: { action: JobAction; ids: string[] }) => runJobAction(action, ids),
    onMutate: async ({ action, ids }) => {
      await client.cancelQueries({ queryKey: JOB_LIST_KEY });
      const before = client.getQueriesData<ListData>({ queryKey: JOB_LIST_KEY });
      const chosen = new Set(ids);
      client.setQueriesData<ListData>({ queryKey: JOB_LIST_KEY }, (data) => applyLocally(data, action, chosen));
      return { before };
    },
    onError: (err, _vars, context) => {
      for (const [key, data] of context?.before ?? []) client.setQueryData(key, data);
      toast({ tone: "error", title: t("actions.failed"), description: err.message });
    },
    onSuccess: (results, { action }) => {
      const refused = results.filter((r) => !r.ok);
      if (refused.length === 0) return;
      toast({
        tone: "error",
        title: t(`actions.refused.${action}`, { count: refused.length, total: results.length }),
        description: [...new Set(refused.map((r) => r.error))].join(" "),
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["jobs"] }),
  });
}
