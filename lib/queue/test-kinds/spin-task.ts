// Pool task for the e2e suite: burns CPU for `ms` milliseconds, reporting progress.
export default function spin(input: { ms: number }, { progress }: { progress: (p: number, label?: string) => void }) {
  const started = Date.now();
  let x = 0;
  let reported = -1;
  while (Date.now() - started < input.ms) {
    for (let i = 0; i < 100_000; i++) x = (x * 31 + i) % 1_000_003;
    const pct = Math.floor(((Date.now() - started) / input.ms) * 100);
    if (pct >= reported + 5) progress((reported = pct), "spinning");
  }
  return { checksum: x, pid: process.pid };
}
