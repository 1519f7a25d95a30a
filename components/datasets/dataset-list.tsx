"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DatasetView } from "@/lib/datasets/dataset-view";
import { LinkButton } from "../ui/button";
import { ListSection } from "../ui/list-section";
import { DatasetStatusBadge } from "./dataset-status-badge";
import { fetchJson } from "./fetch-json";

export function DatasetList() {
  const client = useQueryClient();
  const { data, error, isPending } = useQuery({
    queryKey: ["datasets"],
    queryFn: () => fetchJson<{ datasets: DatasetView[] }>("/api/datasets"),
    refetchInterval: (q) => (q.state.data?.datasets.some((d) => d.status === "importing") ? 1_000 : 10_000),
  });
  const remove = useMutation({
    mutationFn: (id: string) => fetchJson<void>(`/api/datasets/${id}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: ["datasets"] }),
  });

  const datasets = data?.datasets ?? [];
  return (
    <ListSection
      id="datasets"
      title="Datasets"
      noun="datasets"
      action={
        <LinkButton href="/datasets/upload" variant="primary">
          Upload a file
        </LinkButton>
      }
      notice={
        remove.error && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {remove.error.message}
          </p>
        )
      }
      isPending={isPending}
      error={error}
      isEmpty={datasets.length === 0}
      empty={
        <>
          No datasets yet. <Link href="/datasets/upload" className="text-indigo-600 underline dark:text-indigo-400">Upload a CSV</Link> of prices to analyse it.
        </>
      }
      columns={[
        { label: "Name" },
        { label: "Status" },
        { label: "Symbols" },
        { label: "Dates" },
        { label: "Rows", className: "text-right" },
        { label: "Interval" },
        { label: "" },
      ]}
    >
      {datasets.map((d) => (
        <tr key={d.id} data-testid="dataset-row" className="border-b border-slate-100 last:border-0 dark:border-slate-800">
          <td className="px-3 py-2">
            <Link href={`/datasets/${d.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {d.name}
            </Link>
            {d.sample && <span className="ml-2 rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">shared sample</span>}
            <div className="text-xs text-slate-500 dark:text-slate-400">{d.fileName}</div>
          </td>
          <td className="px-3 py-2">
            <DatasetStatusBadge status={d.status} />
            {d.status === "importing" && d.job && <span className="ml-2 text-xs tabular-nums text-slate-500">{d.job.progress}%</span>}
            {d.status === "failed" && d.errorMessage && <div className="mt-1 max-w-xs text-xs text-red-700 dark:text-red-300">{d.errorMessage}</div>}
          </td>
          <td className="max-w-[16rem] truncate px-3 py-2" title={d.symbols.map((s) => s.symbol).join(", ")}>
            {d.symbols.map((s) => s.symbol).join(", ") || "—"}
          </td>
          <td className="whitespace-nowrap px-3 py-2 tabular-nums">{d.firstDate ? `${d.firstDate} → ${d.lastDate}` : "—"}</td>
          <td className="px-3 py-2 text-right tabular-nums">{d.rowCount.toLocaleString()}</td>
          <td className="px-3 py-2">{d.interval ?? "—"}</td>
          <td className="whitespace-nowrap px-3 py-2 text-right">
            {d.job && (
              <Link href={`/tasks?job=${d.job.id}`} className="mr-3 text-xs text-slate-600 underline dark:text-slate-300">
                import job
              </Link>
            )}
            {d.canDelete && d.status !== "importing" && (
              <button
                type="button"
                className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
                disabled={remove.isPending}
                onClick={() => {
                  if (confirm(`Delete “${d.name}” and its ${d.rowCount.toLocaleString()} bars?`)) remove.mutate(d.id);
                }}
              >
                Delete<span className="sr-only"> {d.name}</span>
              </button>
            )}
          </td>
        </tr>
      ))}
    </ListSection>
  );
}
