"use client";

import Link from "next/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json";
import { uploadFile, type UploadAnswer } from "./upload-file";

interface JobState {
  status: string;
  progress: number;
  progressLabel: string | null;
  errorMessage: string | null;
}

const ACCEPT = ".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values";

export function UploadForm({ maxMb }: { maxMb: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<UploadAnswer | null>(null);

  const job = useQuery({
    queryKey: ["job", answer?.jobId],
    queryFn: () => fetchJson<JobState>(`/api/jobs/${answer!.jobId}`),
    enabled: answer !== null,
    refetchInterval: (q) => (q.state.data && !["queued", "running"].includes(q.state.data.status) ? false : 1_000),
  });

  function choose(f: File | undefined | null) {
    setError(null);
    setAnswer(null);
    setSent(null);
    if (!f) return;
    if (f.size > maxMb * 1024 * 1024) {
      setError(`“${f.name}” is ${(f.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxMb} MB.`);
      return;
    }
    setFile(f);
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!file) {
      setError("Choose a CSV, TSV or TXT file first.");
      return;
    }
    const data = new FormData(e.currentTarget);
    const form = new FormData();
    // Text fields first, so the server has them before the file's bytes.
    for (const key of ["name", "symbol"]) if (data.get(key)) form.append(key, String(data.get(key)));
    form.append("file", file, file.name);
    setError(null);
    setSent({ loaded: 0, total: file.size });
    try {
      setAnswer(await uploadFile(form, (loaded, total) => setSent({ loaded, total })));
    } catch (err) {
      setError((err as Error).message);
      setSent(null);
    }
  }

  const uploading = sent !== null && answer === null;
  const percent = sent && sent.total ? Math.round((sent.loaded / sent.total) * 100) : 0;

  return (
    <section aria-labelledby="upload-title" className="max-w-2xl space-y-5">
      <h1 id="upload-title" className="text-2xl font-semibold tracking-tight">
        Upload market data
      </h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        CSV, TSV or TXT up to {maxMb} MB: Yahoo/Stooq, AkShare, Tushare, BaoStock exports or any file with a date and a close (or price) column;
        UTF-8 or GBK; comma, semicolon or tab.
      </p>
      <form onSubmit={submit} className="space-y-4">
        <label
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            choose(e.dataTransfer.files[0]);
          }}
          className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed p-8 text-center ${
            dragging ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950/40" : "border-slate-300 dark:border-slate-700"
          }`}
        >
          <span className="font-medium">{file ? file.name : "Drop a file here, or click to choose one"}</span>
          {file && <span className="text-xs text-slate-500">{(file.size / 1024).toFixed(1)} KB</span>}
          <input name="file" type="file" accept={ACCEPT} className="sr-only" aria-label="Market data file" onChange={(e) => choose(e.target.files?.[0])} />
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block text-sm">
            <span className="font-medium">Dataset name (optional)</span>
            <input name="name" maxLength={120} className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900" />
          </label>
          <label className="block text-sm">
            <span className="font-medium">Symbol, for a single-symbol file</span>
            <input
              name="symbol"
              maxLength={20}
              placeholder="e.g. AAPL or 600519"
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
        </div>
        <button
          type="submit"
          disabled={uploading}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {uploading ? "Uploading…" : "Upload and import"}
        </button>
      </form>

      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      {sent && (
        <div className="space-y-1">
          <p className="text-sm">
            Upload: {formatBytes(sent.loaded)} of {formatBytes(sent.total)}
          </p>
          <Bar label="Upload progress" value={percent} />
        </div>
      )}
      {answer && (
        <div className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="import-status">
          <p className="text-sm">
            Uploaded. Import {job.data ? <strong data-testid="import-job-status">{job.data.status}</strong> : "queued"}
            {job.data?.progressLabel && <> · {job.data.progressLabel}</>}
          </p>
          <Bar label="Import progress" value={job.data?.progress ?? 0} />
          {job.data?.status === "failed" && <p className="text-sm text-red-700 dark:text-red-300">{job.data.errorMessage}</p>}
          <p className="flex gap-4 text-sm">
            <Link href={`/tasks?job=${answer.jobId}`} className="text-indigo-700 underline dark:text-indigo-300">
              Follow it in the task center
            </Link>
            <Link href={`/datasets/${answer.datasetId}`} className="text-indigo-700 underline dark:text-indigo-300">
              Open the dataset
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}

function Bar({ label, value }: { label: string; value: number }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800">
      <div className="h-full bg-indigo-500 transition-[width]" style={{ width: `${value}%` }} />
    </div>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
