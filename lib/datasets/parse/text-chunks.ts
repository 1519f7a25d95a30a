import iconv from "iconv-lite";
import type { Head } from "./sniff-head";

/**
 * The file for the CSV parser, starting with the sniffed head. UTF-8 passes through as bytes (the
 * parser strips the byte order mark and decodes whole fields); GB18030 goes through one streaming
 * decoder, so a character split between chunks comes out whole.
 */
export async function* textChunks(head: Head, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer | string, void, undefined> {
  const remaining = { [Symbol.asyncIterator]: () => rest };
  if (head.encoding === "utf-8") {
    yield head.bytes;
    yield* remaining;
    return;
  }
  const decoder = iconv.getDecoder("gb18030");
  yield decoder.write(head.bytes);
  for await (const chunk of remaining) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
