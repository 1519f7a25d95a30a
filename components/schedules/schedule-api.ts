import type { ScheduleView } from "@/lib/schedules/schedule-view";
import { fetchJson } from "../datasets/fetch-json";

/** The schedules API, for the pages' queries and mutations. */
export const scheduleApi = {
  list: () => fetchJson<{ schedules: ScheduleView[] }>("/api/schedules"),
  get: (id: string) => fetchJson<ScheduleView>(`/api/schedules/${id}`),
  save,
  pause: (id: string) => fetchJson<{ enabled: boolean }>(`/api/schedules/${id}/pause`, { method: "POST" }),
  resume: (id: string) => fetchJson<{ enabled: boolean }>(`/api/schedules/${id}/resume`, { method: "POST" }),
  run: (id: string) => fetchJson<{ batchId: string; jobIds: string[] }>(`/api/schedules/${id}/run`, { method: "POST" }),
  remove: (id: string) => fetchJson<void>(`/api/schedules/${id}`, { method: "DELETE" }),
};

/** Creates (no id) or replaces a schedule; an invalid one throws with each field's problem in words. */
async function save(id: string | null, body: unknown): Promise<ScheduleView> {
  const res = await fetch(id ? `/api/schedules/${id}` : "/api/schedules", {
    method: id ? "PUT" : "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => null)) as (ScheduleView & { error?: string; issues?: { message: string }[] }) | null;
  if (!res.ok) {
    const issues = answer?.issues?.map((i) => i.message) ?? [];
    throw new Error([answer?.error ?? `The server answered ${res.status}. Try again.`, ...issues].join(" — "));
  }
  return answer!;
}
