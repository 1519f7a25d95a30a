/** Number formats shared by both languages (ASCII digits, ISO dates). */

export function percent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

export function decimal(x: number, digits = 2): string {
  return x.toFixed(digits);
}

/** Prices keep two decimals, small prices four. */
export function price(x: number): string {
  return x.toFixed(Math.abs(x) < 1 ? 4 : 2);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function orDash(x: number | null, format: (x: number) => string): string {
  return x === null ? "—" : format(x);
}
