export interface ByteChunkOptions {
  signal?: AbortSignal;
  onProgress?: (bytesRead: number) => void;
}

/**
 * The bytes of a stream, chunk by chunk, reporting the running total after each one. Rejects with
 * the signal's reason as soon as it aborts, even while the source is stalled.
 */
export async function* byteChunks(source: AsyncIterable<unknown>, options: ByteChunkOptions = {}): AsyncGenerator<Buffer, void, undefined> {
  const { signal, onProgress } = options;
  const iterator = source[Symbol.asyncIterator]();
  const aborted = signal ? rejectOnAbort(signal) : null;
  let bytesRead = 0;
  try {
    for (;;) {
      const next = aborted ? await Promise.race([iterator.next(), aborted.promise]) : await iterator.next();
      if (next.done) return;
      const chunk = toBuffer(next.value);
      if (chunk.length === 0) continue;
      bytesRead += chunk.length;
      onProgress?.(bytesRead);
      yield chunk;
    }
  } finally {
    aborted?.dispose();
    // Not awaited: a stalled source may never answer.
    Promise.resolve(iterator.return?.()).catch(() => {});
  }
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError("The source must produce bytes or strings.");
}

function rejectOnAbort(signal: AbortSignal) {
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener("abort", onAbort) };
}
