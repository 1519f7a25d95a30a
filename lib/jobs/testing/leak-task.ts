/* A pool task that leaks memory until its thread hits the pool's heap limit (it never returns). */
export default function leak(): never {
  const hoard: number[][] = [];
  for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i * 1.5));
}
