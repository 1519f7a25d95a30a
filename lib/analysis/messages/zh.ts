import { decimal, percent, price } from "./format";
import type { Messages } from "./messages";

export const zh: Messages = {
  signal: { bullish: "看涨", bearish: "看跌", neutral: "中性" },
  action: { BUY: "买入 (BUY)", HOLD: "持有 (HOLD)", SELL: "卖出 (SELL)" },
  riskLevel: { low: "低", medium: "中", high: "高" },
  interval: { daily: "日线", weekly: "周线", monthly: "月线", irregular: "不规则" },
  analyst: { technical: "技术", risk: "风险", backtest: "回测" },
  family: { trend: "趋势", momentum: "动量", volatility: "波动率", supportResistance: "支撑 / 阻力" },
  strategy: { buyAndHold: "买入持有", smaCross: "均线交叉", rsiReversion: "RSI 均值回归" },
  params(p) {
    if (p.strategy === "smaCross") return `SMA ${p.fast} / ${p.slow}`;
    if (p.strategy === "rsiReversion") return `RSI ${p.period}：低于 ${p.lower} 买入，高于 ${p.upper} 卖出`;
    return "—";
  },
  technical: {
    notEnoughData: (indicator, bars) => `${indicator} 至少需要 ${bars} 根 K 线。`,
    closeVsAverage: (average, above, gap) => `收盘价${above ? "高于" : "低于"} ${average} ${percent(Math.abs(gap))}。`,
    averageVsAverage: (faster, slower, above) => `${faster} ${above ? "高于" : "低于"} ${slower}。`,
    rsi: (value, zone) =>
      zone === "overbought"
        ? `RSI ${decimal(value, 1)} 处于超买区（≥ 70）。`
        : zone === "oversold"
          ? `RSI ${decimal(value, 1)} 处于超卖区（≤ 30）。`
          : `RSI ${decimal(value, 1)} 位于 30 与 70 之间。`,
    macd: (histogram, lineAboveZero) =>
      `MACD 柱状图为${histogram >= 0 ? "正" : "负"}（${decimal(histogram, 3)}），MACD 线在零轴${lineAboveZero ? "之上" : "之下"}。`,
    bollinger: (b, zone) =>
      zone === "above"
        ? `收盘价突破布林上轨（%B ${decimal(b)}）：短期过度上涨。`
        : zone === "below"
          ? `收盘价跌破布林下轨（%B ${decimal(b)}）：短期过度下跌。`
          : `收盘价位于布林带内（%B ${decimal(b)}）。`,
    atr: (p, ratio, expanding) =>
      `ATR 为价格的 ${percent(p, 2)}，是其一年中位数的 ${decimal(ratio)} 倍${expanding ? "：波动正在放大" : ""}。`,
    atrSkipped: "已跳过：该序列没有最高价/最低价。",
    levels: (kind, support, resistance) => {
      const s = support === null ? "" : `支撑位 ${price(support)}`;
      const r = resistance === null ? "" : `阻力位 ${price(resistance)}`;
      switch (kind) {
        case "none":
          return "近期没有波段高点或低点。";
        case "breakout":
          return `收盘价高于近期所有波段高点（${s}）。`;
        case "breakdown":
          return `收盘价低于近期所有波段低点（${r}）。`;
        case "nearSupport":
          return `距${s} 比距${r} 更近。`;
        case "nearResistance":
          return `距${r} 比距${s} 更近。`;
        case "between":
          return `位于${s} 与${r} 之间。`;
      }
    },
    family: (family, signal, bullish, bearish, voting) =>
      voting === 0
        ? `${zh.family[family]}：数据不足。`
        : `${zh.family[family]}${zh.signal[signal]}：${voting} 项检查中 ${bullish} 项看涨，${bearish} 项看跌。`,
  },
  decision: {
    technical: (signal, score) => `技术面${zh.signal[signal]}（得分 ${decimal(score)}）。`,
    backtest: (report, proven) => {
      const wf = report.walkForward;
      const name = `${zh.strategy[report.strategy]}（${zh.params(report.best)}）`;
      const oos = wf ? `样本外夏普 ${decimal(wf.outOfSample.sharpe)}，样本内 ${decimal(wf.inSampleSharpe)}` : "没有样本外检验";
      return `${name}当前${report.currentPosition === "long" ? "持仓" : "空仓"}；${oos}${proven ? "" : "——未经验证，已降低权重"}。`;
    },
    risk: (level, risk) =>
      `风险${zh.riskLevel[level]}：年化波动率 ${percent(risk.annualisedVolatility)}，最大回撤 ${percent(risk.maxDrawdown?.depth ?? 0)}，单根 K 线 99% CVaR ${percent(risk.historical.cvar99, 2)}。`,
  },
  notes: {
    closeOnly: "仅有收盘价：已跳过 ATR 14，波段位使用收盘价，止损改用收盘价波动率。",
    noWalkForward: "K 线太少，无法进行滚动前推检验：回测没有样本外验证。",
    foldsReduced: (requested, used) => `序列较短，滚动前推使用了 ${used} 折而非 ${requested} 折。`,
    strategySkipped: (strategy) => `已跳过${zh.strategy[strategy]}：序列长度不足以计算其回看周期。`,
    benchmarkMissing: (symbol) => `基准 ${symbol} 没有数据：缺少贝塔和相关系数。`,
    benchmarkTooShort: (symbol, aligned) => `与 ${symbol} 对齐的收益只有 ${aligned} 个：不足以计算贝塔和相关系数。`,
  },
  report: {
    title: (symbol) => `${symbol} 分析报告`,
    summary: (interval, from, to, bars, depth, analysts) =>
      `${interval}，${from} 至 ${to}（${bars} 根 K 线）· 深度 ${depth} · 分析师：${analysts}`,
    headings: {
      decision: "决策",
      reasons: "主要理由",
      technical: "技术分析",
      indicators: "指标",
      levels: "支撑与阻力",
      risk: "风险分析",
      backtest: "回测",
      walkForward: (strategy) => `滚动前推检验：${strategy}`,
      notes: "说明",
    },
    columns: {
      item: "项目",
      value: "数值",
      family: "类别",
      signal: "信号",
      reason: "理由",
      check: "检查",
      support: "支撑位",
      resistance: "阻力位",
      touches: "触及次数",
      strategy: "策略",
      parameters: "参数",
      cagr: "年化收益",
      sharpe: "夏普比率",
      sortino: "索提诺比率",
      maxDrawdown: "最大回撤",
      winRate: "胜率",
      trades: "交易次数",
      fold: "折",
      train: "训练区间",
      test: "测试区间",
      trainSharpe: "训练夏普",
      testSharpe: "测试夏普",
      horizon: "期限",
    },
    labels: {
      action: "操作",
      confidence: "置信度",
      riskLevel: "风险等级",
      stopLoss: (basis) => (basis === "atr" ? "止损价（2 × ATR 14）" : "止损价（2 × 14 根 K 线波动率）"),
      score: (value) => `得分 ${value}（−1 … 1）`,
      overall: "综合",
      annualisedVolatility: "年化波动率",
      maxDrawdown: "最大回撤",
      drawdownDates: "回撤区间",
      drawdownLength: "回撤持续时间",
      drawdownPeriod: (peak, trough, recovery) =>
        `高点 ${peak}，低点 ${trough}，${recovery === null ? "尚未收复" : `${recovery} 收复`}`,
      drawdownDuration: (declineBars, declineDays, recoveryBars, recoveryDays) =>
        `下跌 ${declineBars} 根 K 线（${declineDays} 天）` +
        (recoveryBars === null ? "" : `，收复 ${recoveryBars} 根 K 线（${recoveryDays} 天）`),
      historical: "历史模拟，单根 K 线",
      monteCarlo: (paths, bars) => `蒙特卡洛，${bars} 根 K 线（${paths.toLocaleString("en")} 条路径）`,
      beta: (symbol) => `相对 ${symbol} 的贝塔`,
      correlation: (symbol) => `与 ${symbol} 的相关系数`,
      aligned: (count) => `${count} 个对齐收益`,
      bars: (count) => `${count} 根 K 线`,
      buyAndHold: "买入持有",
      inSampleVsOutOfSample: (inSample, outOfSample, efficiency) =>
        `夏普比率：样本内 ${inSample}，样本外 ${outOfSample}（效率 ${efficiency}）。`,
      overfit: (overfit) => (overfit ? "**过拟合：** 样本内最优参数在样本外表现差得多。" : "样本外表现稳定。"),
      outOfSampleBuyAndHold: (sharpe) => `同一测试区间的买入持有夏普比率：${sharpe}。`,
      costs: (bps) => `交易成本每边 ${bps} 个基点；收盘时产生的信号在下一根 K 线收盘成交。`,
      currentPosition: (position) => `最优参数当前${position === "long" ? "持仓" : "空仓"}。`,
      gridSize: (size) => `（共搜索 ${size} 组参数）`,
      noLevels: "近期没有波段支撑或阻力。",
    },
    disclaimer: "本报告根据历史价格自动生成，不构成投资建议。",
  },
};
