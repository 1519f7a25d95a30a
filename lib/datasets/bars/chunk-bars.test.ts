import { describe, expect, it } from "vitest";
import type { BarRow } from "../parse";
import { decodeBars } from "./bar-chunk";
import { BarChunker, type PackedChunk } from "./chunk-bars";

const DAY = 86_400_000;
const bar = (symbol: string, day: number): BarRow => ({ symbol, date: new Date(day * DAY), open: null, high: null, low: null, close: day, volume: null });
const shape = (chunks: PackedChunk[]) => chunks.map((c) => [c.symbol, c.seq, c.count, c.firstDate / DAY, c.lastDate / DAY]);

describe("BarChunker", () => {
  it("packs a symbol's chunk as soon as it is full, numbering each symbol's chunks from 0, and the rest on flush", () => {
    const chunker = new BarChunker(3, 100);
    const full = chunker.add([bar("A", 1), bar("B", 1), bar("A", 2), bar("A", 3), bar("A", 4), bar("B", 2)]);
    expect(shape(full)).toEqual([["A", 0, 3, 1, 3]]);
    expect(shape(chunker.add([bar("A", 5), bar("A", 6)]))).toEqual([["A", 1, 3, 4, 6]]);
    expect(shape(chunker.flush())).toEqual([["B", 0, 2, 1, 2]]);
    expect(chunker.flush()).toEqual([]);
  });

  it("sorts each chunk's bars by date", () => {
    const chunker = new BarChunker(4, 100);
    const [chunk] = chunker.add([bar("A", 9), bar("A", 3), bar("A", 7), bar("A", 5)]);
    expect(shape([chunk!])).toEqual([["A", 0, 4, 3, 9]]);
    expect(Array.from(decodeBars(new Uint8Array(chunk!.bars), 4).close)).toEqual([3, 5, 7, 9]);
  });

  it("packs shorter chunks of every symbol once the room it holds for them passes its bound", () => {
    // Room grows 16 bars at a time first: three symbols take 48.
    const chunker = new BarChunker(100, 40);
    expect(chunker.add([bar("A", 1), bar("B", 1), bar("A", 2), bar("B", 2)])).toEqual([]);
    expect(shape(chunker.add([bar("C", 1), bar("C", 2)]))).toEqual([
      ["A", 0, 2, 1, 2],
      ["B", 0, 2, 1, 2],
      ["C", 0, 2, 1, 2],
    ]);
    expect(shape(chunker.add([bar("A", 3)]))).toEqual([]);
    expect(shape(chunker.flush())).toEqual([["A", 1, 1, 3, 3]]);
  });
});
