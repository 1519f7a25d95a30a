"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "../ui/toaster";
import { scheduleApi } from "./schedule-api";

/** Pause, resume, run now and delete, each refreshing the schedules it changed; run now announces its batch. */
export function useScheduleActions() {
  const client = useQueryClient();
  const toast = useToast();
  const refresh = () => client.invalidateQueries({ queryKey: ["schedules"] });
  const onError = (err: Error) => toast({ title: err.message, tone: "error" });
  return {
    pause: useMutation({ mutationFn: scheduleApi.pause, onSettled: refresh, onError }),
    resume: useMutation({ mutationFn: scheduleApi.resume, onSettled: refresh, onError }),
    remove: useMutation({ mutationFn: scheduleApi.remove, onSettled: refresh, onError }),
    run: useMutation({
      mutationFn: scheduleApi.run,
      onSettled: refresh,
      onError,
      onSuccess: ({ batchId, jobIds }) =>
        toast({
          title: `Batch of ${jobIds.length} analys${jobIds.length === 1 ? "is" : "es"} enqueued`,
          tone: "success",
          action: { href: `/tasks?batch=${batchId}`, label: "Open in the task center" },
        }),
    }),
  };
}
