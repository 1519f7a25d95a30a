const A_SHARE_PREFIXED = /^(?:SH|SZ|BJ)\.?(\d{6})$/;
const A_SHARE_SUFFIXED = /^(\d{6})\.(?:SH|SZ|BJ|SS)$/;

/** Trimmed and upper-cased; A-share codes (`600519.SH`, `sh.600519`, `SH600519`) become the bare six digits. */
export function normaliseSymbol(text: string): string {
  const symbol = text.trim().toUpperCase();
  return A_SHARE_PREFIXED.exec(symbol)?.[1] ?? A_SHARE_SUFFIXED.exec(symbol)?.[1] ?? symbol;
}
