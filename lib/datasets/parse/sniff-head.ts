import iconv from "iconv-lite";
import { looksBinary } from "../looks-binary";
import { DatasetFormatError } from "./dataset-format-error";
import type { TextEncoding } from "./types";

export const SNIFF_BYTES = 64 * 1024;

export interface Head {
  /** The first chunks of the file, at least SNIFF_BYTES of them unless the file is shorter. */
  bytes: Buffer;
  encoding: TextEncoding;
  /** The first SNIFF_BYTES decoded, without a byte order mark, for guessing the layout. */
  text: string;
}

/**
 * Reads the start of a file and tells its encoding: UTF-8 (with or without a byte order mark) when
 * the bytes are valid UTF-8, otherwise GB18030, which covers GBK and Chinese Excel exports. Throws
 * a DatasetFormatError when the bytes are not text.
 */
export async function sniffHead(chunks: AsyncIterator<Buffer>): Promise<Head> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(Buffer.from(next.value)); // the source may reuse its chunk's memory for the next one
    length += next.value.length;
  }
  const bytes = Buffer.concat(parts, length);
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (looksBinary(sample)) {
    throw new DatasetFormatError("This is not a text file. Upload prices as CSV, TSV or TXT (UTF-8 or GBK text).");
  }
  const utf8 = decodeUtf8(sample);
  if (utf8 !== null) return { bytes, encoding: "utf-8", text: utf8 };
  return { bytes, encoding: "gb18030", text: iconv.decode(sample, "gb18030") };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    // `stream` keeps a character cut at the end of the sample from counting as invalid.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}
