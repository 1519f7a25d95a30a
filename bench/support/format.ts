/** How figures are written in tables: few significant digits, thousands separated. */
export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function ms(n: number): string {
  if (n < 1) return `${n.toPrecision(2)} ms`;
  if (n < 10) return `${n.toFixed(2)} ms`;
  if (n < 100) return `${n.toFixed(1)} ms`;
  return `${Math.round(n).toLocaleString("en-US")} ms`;
}

export function seconds(n: number): string {
  return `${n.toFixed(2)} s`;
}

export function bytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} kB`;
}

/** Tandem / peer, e.g. "1.35×". */
export function ratio(tandem: number, peer: number): string {
  if (!Number.isFinite(tandem) || !Number.isFinite(peer) || peer === 0) return "–";
  const r = tandem / peer;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(2) : r.toFixed(3)}×`;
}

/** A small quantity with two significant digits below 1, e.g. transactions per job. */
export function amount(n: number): string {
  return n >= 1 ? n.toFixed(2) : n.toPrecision(2);
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
