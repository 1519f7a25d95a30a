/**
 * Buffers of chunks already stored, handed back for the next chunks: an import's memory holds a
 * few chunks in flight instead of every chunk a garbage collector has not yet reached (on SQLite
 * they are freed by the writer thread's collector, which has little reason to run).
 */
export class BufferPool {
  private readonly spare: ArrayBuffer[] = [];

  constructor(private readonly max = 16) {}

  take(bytes: number): ArrayBuffer {
    const i = this.spare.findIndex((b) => b.byteLength === bytes);
    return i >= 0 ? this.spare.splice(i, 1)[0]! : new ArrayBuffer(bytes);
  }

  /** A buffer nobody uses any more (a detached one, of length 0, is dropped). */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength > 0 && this.spare.length < this.max) this.spare.push(buffer);
  }
}
