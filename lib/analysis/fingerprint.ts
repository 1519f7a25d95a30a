import { createHash } from "node:crypto";
import type { PriceSeries } from "./types";

/** sha256 (hex) over the symbol, dates and closes: identifies the data a result was computed from. */
export function fingerprintSeries(series: PriceSeries): string {
  const hash = createHash("sha256");
  hash.update(series.symbol);
  hash.update("\ndates:");
  hash.update(series.dates.join(","));
  hash.update("\nclose:");
  hash.update(series.close.join(","));
  return hash.digest("hex");
}
