import { decimal, percent, price } from "./format";
import type { Messages } from "./messages";

export const en: Messages = {
  signal: { bullish: "bullish", bearish: "bearish", neutral: "neutral" },
  action: { BUY: "BUY", HOLD: "HOLD", SELL: "SELL" },
  riskLevel: { low: "low", medium: "medium", high: "high" },
  interval: { daily: "daily", weekly: "weekly", monthly: "monthly", irregular: "irregular" },
  analyst: { technical: "technical", risk: "risk", backtest: "backtest" },
  family: { trend: "Trend", momentum: "Momentum", volatility: "Volatility", supportResistance: "Support / resistance" },
  strategy: { buyAndHold: "Buy and hold", smaCross: "SMA crossover", rsiReversion: "RSI mean-reversion" },
  params(p) {
    if (p.strategy === "smaCross") return `SMA ${p.fast} / ${p.slow}`;
    if (p.strategy === "rsiReversion") return `RSI ${p.period}: buy < ${p.lower}, sell > ${p.upper}`;
    return "—";
  },
  technical: {
    notEnoughData: (indicator, bars) => `${indicator} needs at least ${bars} bars.`,
    closeVsAverage: (average, above, gap) => `Close is ${percent(Math.abs(gap))} ${above ? "above" : "below"} the ${average}.`,
    averageVsAverage: (faster, slower, above) => `${faster} is ${above ? "above" : "below"} ${slower}.`,
    rsi: (value, zone) =>
      zone === "overbought"
        ? `RSI ${decimal(value, 1)} is overbought (≥ 70).`
        : zone === "oversold"
          ? `RSI ${decimal(value, 1)} is oversold (≤ 30).`
          : `RSI ${decimal(value, 1)} is between 30 and 70.`,
    macd: (histogram, lineAboveZero) =>
      `MACD histogram ${histogram >= 0 ? "positive" : "negative"} (${decimal(histogram, 3)}), MACD line ${lineAboveZero ? "above" : "below"} zero.`,
    bollinger: (b, zone) =>
      zone === "above"
        ? `Close is above the upper band (%B ${decimal(b)}): stretched.`
        : zone === "below"
          ? `Close is below the lower band (%B ${decimal(b)}): stretched to the downside.`
          : `Close is inside the bands (%B ${decimal(b)}).`,
    atr: (p, ratio, expanding) =>
      `ATR is ${percent(p, 2)} of price, ${decimal(ratio)}× its one-year median${expanding ? ": volatility is expanding" : ""}.`,
    atrSkipped: "Skipped: the series has no high/low prices.",
    levels: (kind, support, resistance) => {
      const s = support === null ? "" : `support ${price(support)}`;
      const r = resistance === null ? "" : `resistance ${price(resistance)}`;
      switch (kind) {
        case "none":
          return "No recent swing highs or lows.";
        case "breakout":
          return `Close is above every recent swing high (${s}).`;
        case "breakdown":
          return `Close is below every recent swing low (${r}).`;
        case "nearSupport":
          return `Closer to ${s} than to ${r}.`;
        case "nearResistance":
          return `Closer to ${r} than to ${s}.`;
        case "between":
          return `Midway between ${s} and ${r}.`;
      }
    },
    family: (family, signal, bullish, bearish, voting) =>
      voting === 0
        ? `${en.family[family]}: not enough data.`
        : `${en.family[family]} is ${signal}: ${bullish} of ${voting} checks bullish, ${bearish} bearish.`,
  },
  decision: {
    technical: (signal, score) => `Technical picture is ${signal} (score ${decimal(score)}).`,
    backtest: (report, proven) => {
      const wf = report.walkForward;
      const name = `${en.strategy[report.strategy]} (${en.params(report.best)})`;
      const oos = wf ? `out-of-sample Sharpe ${decimal(wf.outOfSample.sharpe)} vs ${decimal(wf.inSampleSharpe)} in-sample` : "no out-of-sample test";
      return `${name} is ${report.currentPosition === "long" ? "long" : "flat"} now; ${oos}${proven ? "" : " — not proven, weighted down"}.`;
    },
    risk: (level, risk) =>
      `Risk is ${level}: annualised volatility ${percent(risk.annualisedVolatility)}, maximum drawdown ${percent(risk.maxDrawdown?.depth ?? 0)}, 99% CVaR ${percent(risk.historical.cvar99, 2)} per bar.`,
  },
  notes: {
    closeOnly: "Close-only data: ATR 14 was skipped, swing levels use closes, and the stop-loss uses close-to-close volatility.",
    noWalkForward: "Too few bars for walk-forward folds: the backtest has no out-of-sample check.",
    foldsReduced: (requested, used) => `Walk-forward used ${used} folds instead of ${requested}: the series is short.`,
    strategySkipped: (strategy) => `${en.strategy[strategy]} was skipped: the series is too short for its lookbacks.`,
    benchmarkMissing: (symbol) => `Benchmark ${symbol} had no data: beta and correlation are missing.`,
    benchmarkTooShort: (symbol, aligned) => `Only ${aligned} returns line up with ${symbol}: too few for beta and correlation.`,
  },
  report: {
    title: (symbol) => `${symbol}: analysis report`,
    summary: (interval, from, to, bars, depth, analysts) =>
      `${interval} bars from ${from} to ${to} (${bars} bars) · depth ${depth} · analysts: ${analysts}`,
    headings: {
      decision: "Decision",
      reasons: "Key reasons",
      technical: "Technical analysis",
      indicators: "Indicators",
      levels: "Support and resistance",
      risk: "Risk analysis",
      backtest: "Backtest",
      walkForward: (strategy) => `Walk-forward: ${strategy}`,
      notes: "Notes",
    },
    columns: {
      item: "Item",
      value: "Value",
      family: "Family",
      signal: "Signal",
      reason: "Reason",
      check: "Check",
      support: "Support",
      resistance: "Resistance",
      touches: "Touches",
      strategy: "Strategy",
      parameters: "Parameters",
      cagr: "CAGR",
      sharpe: "Sharpe",
      sortino: "Sortino",
      maxDrawdown: "Max drawdown",
      winRate: "Win rate",
      trades: "Trades",
      fold: "Fold",
      train: "Train",
      test: "Test",
      trainSharpe: "Train Sharpe",
      testSharpe: "Test Sharpe",
      horizon: "Horizon",
    },
    labels: {
      action: "Action",
      confidence: "Confidence",
      riskLevel: "Risk level",
      stopLoss: (basis) => (basis === "atr" ? "Stop-loss (2 × ATR 14)" : "Stop-loss (2 × 14-bar volatility)"),
      score: (value) => `score ${value} (−1 … 1)`,
      overall: "Overall",
      annualisedVolatility: "Annualised volatility",
      maxDrawdown: "Maximum drawdown",
      drawdownDates: "Drawdown dates",
      drawdownLength: "Drawdown duration",
      drawdownPeriod: (peak, trough, recovery) =>
        `peak ${peak}, trough ${trough}, ${recovery === null ? "not recovered" : `recovered ${recovery}`}`,
      drawdownDuration: (declineBars, declineDays, recoveryBars, recoveryDays) =>
        `decline ${declineBars} bars (${declineDays} days)` +
        (recoveryBars === null ? "" : `, recovery ${recoveryBars} bars (${recoveryDays} days)`),
      historical: "Historical, per bar",
      monteCarlo: (paths, bars) => `Monte-Carlo, ${bars} bar${bars === 1 ? "" : "s"} (${paths.toLocaleString("en")} paths)`,
      beta: (symbol) => `Beta vs ${symbol}`,
      correlation: (symbol) => `Correlation with ${symbol}`,
      aligned: (count) => `${count} aligned returns`,
      bars: (count) => `${count} bars`,
      buyAndHold: "Buy and hold",
      inSampleVsOutOfSample: (inSample, outOfSample, efficiency) =>
        `Sharpe in-sample ${inSample}, out-of-sample ${outOfSample} (efficiency ${efficiency}).`,
      overfit: (overfit) =>
        overfit ? "**Overfit:** the in-sample winner did much worse out of sample." : "Out-of-sample results hold up.",
      outOfSampleBuyAndHold: (sharpe) => `Buy and hold over the same test windows: Sharpe ${sharpe}.`,
      costs: (bps) => `Costs ${bps} bps per side; signals at a bar's close are filled at the next bar's close.`,
      currentPosition: (position) => `Current position of the best parameters: ${position}.`,
      gridSize: (size) => `(${size} parameter sets searched)`,
      noLevels: "No recent swing levels.",
    },
    disclaimer: "Generated automatically from historical prices; not investment advice.",
  },
};
