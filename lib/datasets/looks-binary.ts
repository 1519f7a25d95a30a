/**
 * True when the bytes at the start of a file are not text: a NUL byte, or many control characters
 * other than tab, CR, LF and form feed. UTF-8 and GBK text never contain either.
 */
export function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return head.length > 0 && control / head.length > 0.01;
}
