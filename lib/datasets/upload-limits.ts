const DEFAULT_MAX_MB = 200;

/** The largest upload accepted, in bytes (`UPLOAD_MAX_MB`, default 200). */
export function uploadMaxBytes(): number {
  const mb = Number(process.env.UPLOAD_MAX_MB);
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_MB) * 1024 * 1024);
}

export const UPLOAD_EXTENSIONS = [".csv", ".tsv", ".txt"] as const;
