/*
 * Maps each stage's own 0…1 progress onto one 0…100 scale for the whole pipeline, in proportion to
 * the work each stage is expected to do, and only reports when the whole percent or the label changes.
 */

export type StageProgress = (fraction: number, label: string) => void;

export interface ProgressTracker {
  stage(name: string): StageProgress;
  finish(label: string): void;
}

export function progressTracker(
  work: Record<string, number>,
  emit: ((percent: number, label: string) => void) | undefined,
): ProgressTracker {
  const total = Object.values(work).reduce((s, w) => s + w, 0) || 1;
  const starts = new Map<string, number>();
  let offset = 0;
  for (const [name, units] of Object.entries(work)) {
    starts.set(name, offset);
    offset += units;
  }
  let lastPercent = -1;
  let lastLabel = "";
  const report = (percent: number, label: string) => {
    if (!emit || (percent <= lastPercent && label === lastLabel)) return;
    lastPercent = Math.max(lastPercent, percent);
    lastLabel = label;
    emit(lastPercent, label);
  };
  return {
    stage(name) {
      const start = starts.get(name) ?? 0;
      const units = work[name] ?? 0;
      return (fraction, label) => {
        const clamped = Math.min(1, Math.max(0, fraction));
        report(Math.floor((100 * (start + clamped * units)) / total), label);
      };
    },
    finish(label) {
      report(100, label);
    },
  };
}
