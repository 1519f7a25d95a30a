/** A seeded PRNG (xoshiro128**): the same seed gives the same sequence on every machine. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  below(n: number): number;
}

/** Seeds from the first 128 bits of a hex string (e.g. a sha256 fingerprint). */
export function seededRandom(seedHex: string): Random {
  const words: number[] = [0, 8, 16, 24].map((i) => Number.parseInt(seedHex.slice(i, i + 8).padEnd(8, "0"), 16) >>> 0);
  // An all-zero state would only ever produce zeros.
  if (!words.some((w) => w !== 0)) words[0] = 0x9e3779b9;
  let [a, b, c, d] = words as [number, number, number, number];
  const nextUint32 = () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = () => nextUint32() / 0x1_0000_0000;
  return { next, below: (n) => Math.floor(next() * n) };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
