import iconv from "iconv-lite";
import type { Head } from "./sniff-head";

/**
 * The file as text, starting with the sniffed head, through one streaming decoder, so a character
 * split between chunks comes out whole; a byte order mark is dropped.
 */
export async function* textChunks(head: Head, rest: AsyncIterator<Buffer>): AsyncGenerator<string, void, undefined> {
  const remaining = { [Symbol.asyncIterator]: () => rest };
  const decoder = head.encoding === "utf-8" ? utf8Decoder() : iconv.getDecoder("gb18030");
  yield decoder.write(head.bytes);
  for await (const chunk of remaining) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** UTF-8 bytes past the sniffed head that are not UTF-8 become U+FFFD, as in any text editor. */
function utf8Decoder() {
  const decoder = new TextDecoder("utf-8");
  return {
    write: (bytes: Buffer) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}
