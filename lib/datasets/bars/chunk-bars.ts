import type { BarRow } from "../parse";
import { BARS_PER_CHUNK, COLUMNS, packColumns } from "./bar-chunk";
import { BufferPool } from "./buffer-pool";

/** A chunk ready to store: one symbol's bars, dates ascending, packed by packColumns. */
export interface PackedChunk {
  symbol: string;
  /** The chunk's number among its symbol's chunks in this import, from 0. */
  seq: number;
  count: number;
  /** UTC ms of its first and last bar. */
  firstDate: number;
  lastDate: number;
  bars: ArrayBuffer;
}

/**
 * Room for bars (48 bytes each) held while their chunks fill, beyond which a shorter chunk of every
 * symbol is packed instead: a file of many symbols with few bars each does not sit in memory whole.
 */
const MAX_HELD_ROOM = 500_000;
const FIRST_CAPACITY = 16;
const EMPTY = new Float64Array(0);

/**
 * One symbol's bars not yet packed: its columns side by side, `capacity` values each. Room grows
 * by doubling; a full chunk's room comes from the pool and leaves as the chunk itself, uncopied.
 */
class HeldBars {
  seq = 0;
  count = 0;
  ascending = true;
  capacity = 0;
  values: Float64Array<ArrayBuffer> = EMPTY;
  /** Whether a chunk of this symbol filled up: its next bars get a full chunk's room at once. */
  private filled = false;

  constructor(
    private readonly barsPerChunk: number,
    private readonly pool: BufferPool,
  ) {}

  add(row: BarRow): void {
    if (this.count === this.capacity) this.grow(this.filled ? this.barsPerChunk : Math.min(Math.max(this.capacity * 2, FIRST_CAPACITY), this.barsPerChunk));
    const { values, capacity, count: i } = this;
    const date = row.date.getTime();
    if (i > 0 && values[i - 1]! > date) this.ascending = false;
    values[i] = date;
    values[capacity + i] = row.open ?? NaN;
    values[2 * capacity + i] = row.high ?? NaN;
    values[3 * capacity + i] = row.low ?? NaN;
    values[4 * capacity + i] = row.close;
    values[5 * capacity + i] = row.volume ?? NaN;
    this.count++;
  }

  /** The held bars' columns, dates ascending, alone in a buffer of their own; holds no bars after. */
  take(): Float64Array<ArrayBuffer> {
    const { values, capacity, count: n } = this;
    this.count = 0;
    this.seq++;
    const ascending = this.ascending;
    this.ascending = true;
    if (n === capacity && n === this.barsPerChunk && ascending) {
      this.filled = true;
      this.values = EMPTY;
      this.capacity = 0;
      return values;
    }
    const order = ascending ? null : Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const taken = new Float64Array(this.pool.take(n * COLUMNS * Float64Array.BYTES_PER_ELEMENT));
    for (let c = 0; c < COLUMNS; c++) {
      const from = c * capacity;
      if (order) for (let i = 0; i < n; i++) taken[c * n + i] = values[from + order[i]!]!;
      else taken.set(values.subarray(from, from + n), c * n);
    }
    return taken;
  }

  /** Gives up the room, once its bars are taken. */
  release(): void {
    if (this.capacity === this.barsPerChunk) this.pool.give(this.values.buffer);
    this.values = EMPTY;
    this.capacity = 0;
  }

  private grow(capacity: number): void {
    const values =
      capacity === this.barsPerChunk ? new Float64Array(this.pool.take(capacity * COLUMNS * Float64Array.BYTES_PER_ELEMENT)) : new Float64Array(capacity * COLUMNS);
    for (let c = 0; c < COLUMNS; c++) values.set(this.values.subarray(c * this.capacity, c * this.capacity + this.count), c * capacity);
    this.values = values;
    this.capacity = capacity;
  }
}

/**
 * Groups an import's bars, in the order the reader yields them, into chunks per symbol. Bars are
 * copied into columns as they arrive, so the reader's row objects are garbage as soon as it is done
 * with them.
 */
export class BarChunker {
  private readonly held = new Map<string, HeldBars>();
  /** The sum of every symbol's capacity. */
  private room = 0;

  constructor(
    private readonly barsPerChunk = BARS_PER_CHUNK,
    private readonly maxRoom = MAX_HELD_ROOM,
    /** Where chunk buffers come from; the store gives them back once stored. */
    private readonly pool = new BufferPool(),
  ) {}

  /** The chunks these rows complete. */
  add(rows: readonly BarRow[]): PackedChunk[] {
    const full: PackedChunk[] = [];
    let last: HeldBars | undefined;
    let lastSymbol = "";
    for (const row of rows) {
      // Files mostly give one symbol's bars in a run: skip the lookup while it lasts.
      if (row.symbol !== lastSymbol || !last) {
        lastSymbol = row.symbol;
        last = this.held.get(lastSymbol);
        if (!last) this.held.set(lastSymbol, (last = new HeldBars(this.barsPerChunk, this.pool)));
      }
      const capacity = last.capacity;
      last.add(row);
      this.room += last.capacity - capacity;
      if (last.count === this.barsPerChunk) full.push(this.pack(lastSymbol, last));
    }
    return this.room > this.maxRoom ? full.concat(this.flush()) : full;
  }

  /** Chunks of every bar still held; gives up all room. */
  flush(): PackedChunk[] {
    const chunks: PackedChunk[] = [];
    for (const [symbol, held] of this.held) {
      if (held.count > 0) chunks.push(this.pack(symbol, held));
      held.release();
    }
    this.room = 0;
    return chunks;
  }

  private pack(symbol: string, held: HeldBars): PackedChunk {
    const seq = held.seq;
    const count = held.count;
    const capacity = held.capacity;
    const values = held.take();
    this.room += held.capacity - capacity;
    return { symbol, seq, count, firstDate: values[0]!, lastDate: values[count - 1]!, bars: packColumns(values) };
  }
}
