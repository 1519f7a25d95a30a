"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useSyncExternalStore } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MAX_BATCH } from "@/lib/analysis/analysis-request";
import { parseSymbolList } from "@/lib/analysis/parse-symbol-list";
import type { SymbolWithData } from "@/lib/datasets/list-symbols-for-viewer";
import { cronProblem } from "@/lib/schedules/cron-problem";
import { describeCron } from "@/lib/schedules/describe-cron";
import { isTimeZone } from "@/lib/schedules/is-time-zone";
import { nextFireTimes } from "@/lib/schedules/schedule-cron";
import type { MissedPolicy } from "@/lib/schedules/schedule-input";
import type { ScheduleView } from "@/lib/schedules/schedule-view";
import type { WatchlistView } from "@/lib/watchlists/watchlist-view";
import { AnalysisOptionsFields, useAnalysisOptions } from "../analysis/analysis-options";
import { fetchJson } from "../datasets/fetch-json";
import { useNow } from "../tasks/use-now";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { FireTimes } from "./fire-times";
import { scheduleApi } from "./schedule-api";
import type { SchedulePrefill } from "./schedule-prefill";

const PRESETS = [
  { cron: "0 9 * * 1-5", label: "Weekdays 09:00" },
  { cron: "30 17 * * 1-5", label: "Weekdays 17:30" },
  { cron: "0 8 * * 1", label: "Mondays 08:00" },
  { cron: "0 7 1 * *", label: "1st of the month 07:00" },
];
const field = `${inputClass} mt-1 w-full`;

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Creates a schedule (prefilled from the analysis form's link) or edits one: what to analyse, when
 * (cron in words, checked as you type, with the next five fire times), and what to do about missed runs.
 */
export function ScheduleForm({ schedule, prefill = {} }: { schedule?: ScheduleView; prefill?: SchedulePrefill }) {
  const router = useRouter();
  const client = useQueryClient();
  const start = schedule ? { ...schedule.options, symbols: schedule.symbols } : prefill;
  const [name, setName] = useState(schedule?.name ?? "");
  const [watchlistId, setWatchlistId] = useState(schedule?.watchlist?.id ?? "");
  const [text, setText] = useState((start.symbols ?? []).join("\n"));
  const options = useAnalysisOptions(start);
  const [cron, setCron] = useState(schedule?.cron ?? "0 9 * * 1-5");
  // The browser's time zone until the user picks one (read after hydration: the server has none).
  const detectedTimeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
  const [chosenTimeZone, setTimeZone] = useState<string | null>(schedule?.timeZone ?? null);
  const timeZone = chosenTimeZone ?? detectedTimeZone;
  const [missedPolicy, setMissedPolicy] = useState<MissedPolicy>((schedule?.missedPolicy as MissedPolicy) ?? "skip");
  const now = useNow(true, 30_000);

  const symbolsQuery = useQuery({ queryKey: ["symbols"], queryFn: () => fetchJson<{ symbols: SymbolWithData[] }>("/api/symbols") });
  const watchlists = useQuery({ queryKey: ["watchlists"], queryFn: () => fetchJson<{ watchlists: WatchlistView[] }>("/api/watchlists") });
  const known = useMemo(() => new Set((symbolsQuery.data?.symbols ?? []).map((s) => s.symbol)), [symbolsQuery.data]);
  const watchlist = watchlists.data?.watchlists.find((w) => w.id === watchlistId);
  const typed = useMemo(() => parseSymbolList(text), [text]);
  const symbols = watchlistId ? (watchlist?.symbols ?? []) : typed.symbols;
  const unknown = symbolsQuery.data ? symbols.filter((s) => !known.has(s)) : [];

  const timeZoneProblem = isTimeZone(timeZone) ? null : "Unknown time zone: use a name like Europe/Berlin, America/New_York or UTC.";
  const problem = cronProblem(cron, timeZone, new Date(now));
  const upcoming = problem || timeZoneProblem ? [] : nextFireTimes(cron.trim(), timeZone, new Date(now), 5);
  const timeZones = useMemo(() => ["UTC", ...Intl.supportedValuesOf("timeZone")], []);

  const save = useMutation({
    mutationFn: () =>
      scheduleApi.save(schedule?.id ?? null, {
        name,
        ...(watchlistId ? { watchlistId } : { symbols }),
        ...options.request(),
        cron: cron.trim(),
        timeZone,
        missedPolicy,
      }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ["schedules"] });
      router.push(`/schedules/${saved.id}`);
    },
  });
  const canSave =
    name.trim() !== "" && symbols.length > 0 && symbols.length <= MAX_BATCH && unknown.length === 0 && options.valid && !problem && !timeZoneProblem && !save.isPending;

  return (
    <form
      className="max-w-3xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) save.mutate();
      }}
    >
      <label className="block text-sm">
        <span className="font-medium">Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required placeholder="Morning scan" className={field} />
      </label>

      <fieldset className="space-y-2 text-sm">
        <legend className="font-medium">What to analyse</legend>
        <label className="block">
          <span>Watchlist</span>
          <select value={watchlistId} onChange={(e) => setWatchlistId(e.target.value)} className={field}>
            <option value="">None: the symbols typed below</option>
            {watchlists.data?.watchlists.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} ({w.symbols.length})
              </option>
            ))}
          </select>
        </label>
        {watchlistId ? (
          <p className="text-slate-600 dark:text-slate-300" data-testid="watchlist-symbols">
            {watchlist ? `Symbols of “${watchlist.name}”: ${watchlist.symbols.join(", ")}` : "This watchlist does not exist any more: choose another."}
          </p>
        ) : (
          <label className="block">
            <span>Symbols (one per line, or separated by commas or spaces)</span>
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={"AAPL\nMSFT"} className={`${field} font-mono`} />
          </label>
        )}
        {unknown.length > 0 && (
          <p className="text-red-700 dark:text-red-300">
            No data for {unknown.join(", ")}. <Link href="/datasets/upload" className="underline">Upload a dataset</Link> with {unknown.length === 1 ? "it" : "them"} first.
          </p>
        )}
        {symbols.length > MAX_BATCH && <p className="text-red-700 dark:text-red-300">A batch has at most {MAX_BATCH} symbols.</p>}
      </fieldset>

      <fieldset className="space-y-2 text-sm">
        <legend className="font-medium">When</legend>
        <div className="flex flex-wrap gap-1.5">
          {PRESETS.map((p) => (
            <Button key={p.cron} size="sm" variant="ghost" onClick={() => setCron(p.cron)} aria-pressed={cron.trim() === p.cron}>
              {p.label}
            </Button>
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block">
            <span>Cron expression (minute hour day-of-month month day-of-week)</span>
            <input
              value={cron}
              onChange={(e) => setCron(e.target.value)}
              spellCheck={false}
              aria-invalid={problem ? true : undefined}
              aria-describedby="cron-check"
              className={`${field} font-mono`}
            />
          </label>
          <label className="block">
            <span>Time zone</span>
            <input
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
              list="time-zones"
              spellCheck={false}
              aria-invalid={timeZoneProblem ? true : undefined}
              className={field}
            />
            <datalist id="time-zones">
              {timeZones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
        </div>
        <div id="cron-check" aria-live="polite" data-testid="cron-check">
          {problem || timeZoneProblem ? (
            <p className="text-red-700 dark:text-red-300">{problem ?? timeZoneProblem}</p>
          ) : (
            <>
              <p>{describeCron(cron) ?? "A custom schedule"}, {timeZone} time. Next fire times:</p>
              <FireTimes times={upcoming.map((d) => d.toISOString())} timeZone={timeZone} label="Next fire times" />
            </>
          )}
        </div>
      </fieldset>

      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">If Tandem was down at a fire time</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="missed" checked={missedPolicy === "skip"} onChange={() => setMissedPolicy("skip")} />
          Skip the missed runs
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="missed" checked={missedPolicy === "run_once"} onChange={() => setMissedPolicy("run_once")} />
          Run once on restart, for the most recent missed time
        </label>
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="mb-1 text-sm font-medium">Analysis</legend>
        <AnalysisOptionsFields options={options} symbols={[...known]} />
      </fieldset>

      {save.error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {save.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!canSave}>
          {save.isPending ? "Saving…" : schedule ? "Save changes" : "Create schedule"}
        </Button>
        <Link href={schedule ? `/schedules/${schedule.id}` : "/schedules"} className="self-center text-sm text-slate-600 underline dark:text-slate-300">
          Cancel
        </Link>
      </div>
    </form>
  );
}
