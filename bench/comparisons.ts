import { batchComparison } from "./batch/batch-comparison";
import type { Comparison } from "./comparison";
import { importComparison } from "./import/import-comparison";
import { marketScreenComparison } from "./market-screen/market-screen-comparison";
import { pageWeightComparison } from "./page-weight/page-weight-comparison";
import { registryComparison } from "./registry/registry-comparison";
import { taskCenterComparison } from "./task-center/task-center-comparison";

/**
 * Every comparison `npm run bench` runs, in this order (BENCHMARKS.md follows it). A new one is a
 * module in its own folder under bench/ exporting a `Comparison`, added here.
 */
export const COMPARISONS: Comparison[] = [registryComparison, batchComparison, marketScreenComparison, importComparison, taskCenterComparison, pageWeightComparison];
