import { lastValue, macdSeries, rsiSeries } from "../indicators";
import type { Messages } from "../messages/messages";
import type { Check, MomentumFamily } from "../types";
import { unavailable, verdict } from "./verdict";

const OVERBOUGHT = 70;
const OVERSOLD = 30;

function rsiCheck(rsi: number | null, m: Messages): Check {
  const name = "RSI 14";
  if (rsi === null) return unavailable(name, m.technical.notEnoughData(name, 15));
  if (rsi >= OVERBOUGHT) return { name, signal: "bearish", reason: m.technical.rsi(rsi, "overbought"), available: true };
  if (rsi <= OVERSOLD) return { name, signal: "bullish", reason: m.technical.rsi(rsi, "oversold"), available: true };
  return { name, signal: "neutral", reason: m.technical.rsi(rsi, "neutral"), available: true };
}

function macdCheck(macd: MomentumFamily["macd"], m: Messages): Check {
  const name = "MACD 12/26/9";
  if (macd === null) return unavailable(name, m.technical.notEnoughData(name, 34));
  const signal = macd.histogram > 0 ? "bullish" : macd.histogram < 0 ? "bearish" : "neutral";
  return { name, signal, reason: m.technical.macd(macd.histogram, macd.macd > 0), available: true };
}

/** RSI 14 (overbought/oversold) and the MACD 12/26/9 histogram. */
export function analyseMomentum(close: readonly number[], m: Messages): MomentumFamily {
  const rsi14 = lastValue(rsiSeries(close, 14));
  const series = macdSeries(close, 12, 26, 9);
  const line = lastValue(series.macd);
  const macd =
    line === null ? null : { macd: line, signal: lastValue(series.signal)!, histogram: lastValue(series.histogram)! };
  return { ...verdict("momentum", [rsiCheck(rsi14, m), macdCheck(macd, m)], m), rsi14, macd };
}
