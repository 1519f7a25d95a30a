import crypto from "node:crypto";
import { getQueue } from "./get-queue";

/** Prometheus text for /api/metrics. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry } = getQueue().metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/** METRICS_TOKEN lets a scraper read metrics without a session; compared in constant time. */
export function metricsTokenMatches(authorization: string | null): boolean {
  const token = process.env.METRICS_TOKEN;
  if (!token || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
}
