import fs from "node:fs";

export interface SyntheticOhlcvOptions {
  /** Bars per symbol (one a calendar day); default 20,000. */
  daysPerSymbol?: number;
  /** Date of every symbol's first bar, YYYY-MM-DD; default 1950-01-02. */
  firstDay?: string;
}

/**
 * Writes a Yahoo-style multi-symbol OHLCV CSV of `rows` rows (random walks, `daysPerSymbol` days
 * per symbol, symbols S000, S001, …), streaming, so even 1,000,000 rows never sit in memory.
 * Returns its size in bytes.
 */
export async function writeSyntheticOhlcv(file: string, rows: number, { daysPerSymbol = 20_000, firstDay = "1950-01-02" }: SyntheticOhlcvOptions = {}): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("Symbol,Date,Open,High,Low,Close,Volume\n");
  let price = 100;
  let chunk = "";
  const start = Date.parse(`${firstDay}T00:00:00Z`);
  for (let i = 0; i < rows; i++) {
    if (i % daysPerSymbol === 0) price = 100;
    const day = new Date(start + (i % daysPerSymbol) * 86_400_000).toISOString().slice(0, 10);
    const next = Math.max(1, price * (1 + (((i * 7919) % 200) - 99) / 10_000));
    chunk += `S${String(Math.floor(i / daysPerSymbol)).padStart(3, "0")},${day},${price.toFixed(2)},${(Math.max(price, next) * 1.01).toFixed(2)},${(Math.min(price, next) * 0.99).toFixed(2)},${next.toFixed(2)},${1000 + (i % 5000)}\n`;
    price = next;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return fs.statSync(file).size;
}
