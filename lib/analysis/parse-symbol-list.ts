import { normaliseSymbol } from "../datasets/parse/normalise-symbol";

export const MAX_SYMBOL_LENGTH = 20;
const SYMBOL = /^[A-Z0-9.^=_-]+$/;

export interface SymbolList {
  /** Normalised, in the order typed, duplicates removed. */
  symbols: string[];
  duplicates: string[];
  /** Entries that cannot be a symbol (bad characters, too long). */
  invalid: string[];
}

/** Symbols typed one per line or separated by commas, semicolons or spaces (full-width ones too). */
export function parseSymbolList(text: string): SymbolList {
  const symbols: string[] = [];
  const duplicates: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;，；、]+/)) {
    if (!part) continue;
    const symbol = normaliseSymbol(part);
    if (symbol.length > MAX_SYMBOL_LENGTH || !SYMBOL.test(symbol)) invalid.push(part.slice(0, 40));
    else if (symbols.includes(symbol)) duplicates.push(symbol);
    else symbols.push(symbol);
  }
  return { symbols, duplicates, invalid };
}
