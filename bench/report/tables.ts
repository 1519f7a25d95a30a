import type { Table } from "../comparison";

export function markdownTable(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const line = (cells: string[]) => `| ${cells.map(escape).join(" | ")} |`;
  return [line(table.columns), line(table.columns.map(() => "---")), ...table.rows.map(line)].join("\n");
}

/** The same table for the terminal, columns padded (Markdown code spans unwrapped). */
export function textTable(table: Table): string {
  const plain = (cell: string) => cell.replace(/`([^`]*)`/g, "$1").replace(/\*\*([^*]*)\*\*/g, "$1");
  const rows = [table.columns, ...table.rows].map((r) => r.map(plain));
  const widths = table.columns.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const format = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd();
  return [format(rows[0]!), widths.map((w) => "─".repeat(w)).join("  "), ...rows.slice(1).map(format)].join("\n");
}
