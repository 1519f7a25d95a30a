const BLOCK_DAYS = 1024;

/**
 * A set of day numbers as a bitmap in blocks of 1024 days, allocated as dates arrive: about 1.5 KB
 * per symbol for thirty years of daily bars, where a `Set<number>` would take tens of bytes per bar.
 */
export class DaySet {
  private readonly blocks = new Map<number, Uint8Array>();

  /** Adds the day; false when it was already in the set. */
  add(day: number): boolean {
    const key = Math.floor(day / BLOCK_DAYS);
    const offset = day - key * BLOCK_DAYS;
    let block = this.blocks.get(key);
    if (!block) {
      block = new Uint8Array(BLOCK_DAYS / 8);
      this.blocks.set(key, block);
    }
    const mask = 1 << (offset & 7);
    const byte = block[offset >> 3]!;
    if (byte & mask) return false;
    block[offset >> 3] = byte | mask;
    return true;
  }
}
