/*
 * A CPU-bound pool task for the registry's tests: counts the primes up to `input.n` by trial
 * division (a deliberate busy loop), reporting progress every 2 %.
 */
import { threadId } from "node:worker_threads";

export interface CpuInput {
  n: number;
}

export interface CpuResult {
  n: number;
  primes: number;
  threadId: number;
}

type Progress = (percent: number, label?: string) => void;

export default function countPrimes({ n }: CpuInput, { progress }: { progress: Progress }): CpuResult {
  let primes = 0;
  let reported = 0;
  for (let k = 2; k <= n; k++) {
    let prime = true;
    for (let d = 2; d * d <= k; d++) {
      if (k % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) primes++;
    if ((k & 0xffff) === 0) {
      const percent = Math.floor((k / n) * 100);
      if (percent >= reported + 2) progress((reported = percent), "counting primes");
    }
  }
  return { n, primes, threadId };
}
