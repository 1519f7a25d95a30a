/*
 * The trading rules shared by every strategy: long or flat, one bar of delay, costs on each fill.
 */

export interface BacktestMarket {
  dates: readonly number[];
  close: readonly number[];
  /** returns[t] = close[t] / close[t − 1] − 1; returns[0] = 0. */
  returns: Float64Array;
  periodsPerYear: number;
}

export interface Fill {
  index: number;
  side: "buy" | "sell";
  price: number;
}

export interface WindowTrades {
  /** Round trips entered. */
  entered: number;
  /** Round trips that made money after costs; one still open at the end is marked at the last close. */
  won: number;
  /** Bars spent holding. */
  exposedBars: number;
}

export function backtestMarket(dates: readonly number[], close: readonly number[], periodsPerYear: number): BacktestMarket {
  const returns = new Float64Array(close.length);
  for (let t = 1; t < close.length; t++) returns[t] = close[t]! / close[t - 1]! - 1;
  return { dates, close, returns, periodsPerYear };
}

/**
 * Trades `desired` (1 = long wanted after that bar's close, 0 = flat) over bars from…to as a fresh
 * account that is flat at bar `from`'s close. The position wanted after bar t's close is filled at
 * bar t + 1's close, paying `costPerSide` of equity per fill, so bar t's outcome depends on
 * desired[…t − 1] only. Writes bar t's net return to net[t − from − 1]; appends fills when given.
 */
export function simulate(
  market: BacktestMarket,
  desired: Uint8Array,
  from: number,
  to: number,
  costPerSide: number,
  net: Float64Array,
  fills?: Fill[],
): WindowTrades {
  const { returns, close } = market;
  const keep = 1 - costPerSide;
  let position = 0;
  let equity = 1;
  let entryEquity = 0;
  let entered = 0;
  let won = 0;
  let exposedBars = 0;
  for (let t = from + 1; t <= to; t++) {
    let growth = position === 1 ? 1 + returns[t]! : 1;
    exposedBars += position;
    const wanted = desired[t - 1]!;
    if (wanted !== position) {
      if (wanted === 1) {
        entered++;
        entryEquity = equity * growth;
      } else if (equity * growth * keep > entryEquity) {
        won++;
      }
      growth *= keep;
      position = wanted;
      fills?.push({ index: t, side: wanted === 1 ? "buy" : "sell", price: close[t]! });
    }
    equity *= growth;
    net[t - from - 1] = growth - 1;
  }
  if (position === 1 && equity > entryEquity) won++;
  return { entered, won, exposedBars };
}
