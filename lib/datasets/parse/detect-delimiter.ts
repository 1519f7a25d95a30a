import type { Delimiter } from "./types";

const CANDIDATES: Delimiter[] = [",", "\t", ";"];
const SAMPLE_LINES = 50;

/**
 * The delimiter of a CSV sample: of comma, tab and semicolon, the one that occurs in the header
 * and the same number of times on the most lines (outside quotes). A comma in a semicolon file's
 * numbers or a semicolon in a comma file's text column is not in the header, so it never wins.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = sample
    .split(/\r\n|\n|\r/, SAMPLE_LINES * 2)
    .filter((line) => line.trim() !== "")
    .slice(0, SAMPLE_LINES);
  let best: Delimiter = ",";
  let bestConsistent = 0;
  let bestCount = 0;
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const inHeader = counts[0] ?? 0;
    if (inHeader === 0) continue;
    const consistent = counts.filter((count) => count === inHeader).length;
    if (consistent > bestConsistent || (consistent === bestConsistent && inHeader > bestCount)) {
      best = delimiter;
      bestConsistent = consistent;
      bestCount = inHeader;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}
