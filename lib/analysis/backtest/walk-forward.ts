
/** A test window shorter than this says little about a strategy. */
export const MIN_TEST_BARS = 30;

/** Bar indices: a window starts at bar `from`'s close and ends at bar `to`'s close. */
export interface Window {
  from: number;
  to: number;
}

export interface Fold {
  train: Window;
  test: Window;
}

/**
 * Anchored walk-forward: the bars are cut into folds + 1 segments; fold k trains on segments 1…k and
 * tests on segment k + 1. Fewer folds when the test windows would be shorter than MIN_TEST_BARS.
 */
export function foldWindows(bars: number, folds: number): Fold[] {
  const returns = bars - 1;
  const count = Math.min(folds, Math.floor(returns / MIN_TEST_BARS) - 1);
  if (count < 1) return [];
  const segment = Math.floor(returns / (count + 1));
  return Array.from({ length: count }, (_, i) => {
    const k = i + 1;
    return {
      train: { from: 0, to: k * segment },
      test: { from: k * segment, to: k === count ? bars - 1 : (k + 1) * segment },
    };
  });
}
