/** A daily OHLCV CSV of `symbols` synthetic random walks of `days` bars each (deterministic). */
export function syntheticCsv(symbols: string[], days: number): Buffer {
  const lines = ["Symbol,Date,Open,High,Low,Close,Volume"];
  const start = Date.UTC(1980, 0, 1);
  symbols.forEach((symbol, s) => {
    let price = 50 + s;
    for (let i = 0; i < days; i++) {
      const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      const next = Math.max(1, price * (1 + (((i + 1) * 7919 * (s + 3)) % 200) / 10_000 - 0.0099));
      const high = (Math.max(price, next) * 1.01).toFixed(2);
      const low = (Math.min(price, next) * 0.99).toFixed(2);
      lines.push(`${symbol},${day},${price.toFixed(2)},${high},${low},${next.toFixed(2)},${1000 + ((i * 31) % 500)}`);
      price = next;
    }
  });
  return Buffer.from(lines.join("\n") + "\n");
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
