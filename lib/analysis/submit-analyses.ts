import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { listSymbolsForViewer } from "../datasets/list-symbols-for-viewer";
import { normaliseSymbol } from "../datasets/parse/normalise-symbol";
import { ValidationError } from "../http/errors";
import type { JobQueue } from "../jobs";
import { ANALYSIS, type AnalysisPayload } from "./analysis-job";
import type { AnalysisRequest } from "./analysis-request";

const DEFAULT_BENCHMARK = "SPX";
const PREVIEW = 3;

/**
 * Records one analysis job per symbol in one batch, in one transaction, and returns at once. Every
 * symbol must have data the user can use; the same idempotency key returns the first submission.
 */
export async function submitAnalyses(db: Db, queue: JobQueue, user: Principal, request: AnalysisRequest) {
  const symbols = [...new Set(request.symbols.map(normaliseSymbol))];
  const available = new Set((await listSymbolsForViewer(db, user)).map((s) => s.symbol));
  const missing = symbols.filter((s) => !available.has(s));
  if (missing.length) {
    throw new ValidationError(`No price data for ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ` and ${missing.length - 10} more` : ""}. Upload a dataset with them first.`, [
      { path: "symbols", message: `Unknown: ${missing.join(", ")}` },
    ]);
  }
  const benchmark = request.benchmarkSymbol ? normaliseSymbol(request.benchmarkSymbol) : available.has(DEFAULT_BENCHMARK) ? DEFAULT_BENCHMARK : null;
  const options = { depth: request.depth as AnalysisPayload["depth"], analysts: request.analysts, language: request.language, benchmarkSymbol: benchmark ?? undefined };
  const specs = symbols.map((symbol) => {
    const payload: AnalysisPayload = { symbol, from: request.from ?? null, to: request.to ?? null, ...options };
    return { kind: ANALYSIS, name: `Analyse ${symbol}`, payload: JSON.parse(JSON.stringify(payload)), ownerId: user.id };
  });
  const title = request.title || `Analyse ${symbols.slice(0, PREVIEW).join(", ")}${symbols.length > PREVIEW ? ` and ${symbols.length - PREVIEW} more` : ""}`;
  return queue.enqueueMany(specs, { ownerId: user.id, batchName: title, idempotencyKey: request.idempotencyKey });
}
