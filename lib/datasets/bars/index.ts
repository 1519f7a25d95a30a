export { BARS_PER_CHUNK, decodeBars, encodeBars, orNull, type BarColumns } from "./bar-chunk";
export { BufferPool } from "./buffer-pool";
export { BarChunker, type PackedChunk } from "./chunk-bars";
export { mergeBars, readSymbolBars, type BarRange } from "./read-symbol-bars";
export { countStoredBars, listStoredBars } from "./stored-bars";
