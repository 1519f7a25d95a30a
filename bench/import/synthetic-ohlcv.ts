import fs from "node:fs";

const DAYS_PER_SYMBOL = 20_000;

/**
 * Writes a Yahoo-style multi-symbol OHLCV CSV of `rows` rows (random walks, 20,000 days per
 * symbol), streaming, so even 1,000,000 rows never sit in memory. Returns its size in bytes.
 */
export async function writeSyntheticOhlcv(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("Symbol,Date,Open,High,Low,Close,Volume\n");
  let price = 100;
  let chunk = "";
  const start = Date.UTC(1950, 0, 2);
  for (let i = 0; i < rows; i++) {
    if (i % DAYS_PER_SYMBOL === 0) price = 100;
    const day = new Date(start + (i % DAYS_PER_SYMBOL) * 86_400_000).toISOString().slice(0, 10);
    const next = Math.max(1, price * (1 + (((i * 7919) % 200) - 99) / 10_000));
    chunk += `S${String(Math.floor(i / DAYS_PER_SYMBOL)).padStart(3, "0")},${day},${price.toFixed(2)},${(Math.max(price, next) * 1.01).toFixed(2)},${(Math.min(price, next) * 0.99).toFixed(2)},${next.toFixed(2)},${1000 + (i % 5000)}\n`;
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
