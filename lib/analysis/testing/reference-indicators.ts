/*
 * Textbook indicator definitions, written plainly and independently of trading-signals, for tests to
 * check the library and the strategies against. NaN until defined.
 */

export function referenceSma(values: readonly number[], period: number): number[] {
  return values.map((_, t) => (t < period - 1 ? Number.NaN : values.slice(t - period + 1, t + 1).reduce((s, v) => s + v, 0) / period));
}

/** EMA seeded with the SMA of the first `period` values. */
export function referenceEma(values: readonly number[], period: number): number[] {
  const alpha = 2 / (period + 1);
  let ema = Number.NaN;
  return values.map((v, t) => {
    if (t === period - 1) ema = values.slice(0, period).reduce((s, x) => s + x, 0) / period;
    else if (t >= period) ema = alpha * v + (1 - alpha) * ema;
    return ema;
  });
}

/** Wilder smoothing: the first value is the mean of the first `period` inputs. */
export function wilder(values: readonly number[], period: number): number[] {
  let average = Number.NaN;
  return values.map((v, t) => {
    if (t === period - 1) average = values.slice(0, period).reduce((s, x) => s + x, 0) / period;
    else if (t >= period) average = (average * (period - 1) + v) / period;
    return average;
  });
}

export function referenceRsi(values: readonly number[], period: number): number[] {
  const gains = values.slice(1).map((v, i) => Math.max(v - values[i]!, 0));
  const losses = values.slice(1).map((v, i) => Math.max(values[i]! - v, 0));
  const g = wilder(gains, period);
  const l = wilder(losses, period);
  return [Number.NaN, ...g.map((gain, i) => (l[i] === 0 ? 100 : 100 - 100 / (1 + gain / l[i]!)))];
}
