import type { T } from "@/lib/i18n/translate";

/** The kinds a person can filter by; e2e-only kinds show under their raw name. */
export const FILTER_KINDS = ["analysis", "dataset-import"] as const;

export function jobKindLabel(kind: string, t: T): string {
  if (kind === "analysis") return t("kind.analysis");
  if (kind === "dataset-import") return t("kind.datasetImport");
  return kind;
}
