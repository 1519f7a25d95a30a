import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { withoutControlCharacters } from "../http/control-characters";
import { BadRequestError, InsufficientStorageError, PayloadTooLargeError, ServiceUnavailableError, UnsupportedMediaTypeError } from "../http/errors";
import { looksBinary } from "./looks-binary";
import { UPLOAD_EXTENSIONS } from "./upload-limits";

export interface ReceivedUpload {
  /** Where the file now is: a name of ours under `dir`, never the client's. */
  storedPath: string;
  /** The client's file name, for display only. */
  fileName: string;
  size: number;
  sha256: string;
  fields: Record<string, string>;
}

export interface ReceiveOptions {
  dir: string;
  maxBytes: number;
}

const SNIFF_BYTES = 8192;

/**
 * Streams a multipart/form-data body with one file to disk, hashing it on the way: memory stays
 * flat whatever the size. Refuses (and removes) files over the limit, with no text in them, or of
 * another type than CSV/TSV/TXT.
 */
export async function receiveUpload(headers: Headers, body: ReadableStream<Uint8Array> | null, options: ReceiveOptions): Promise<ReceivedUpload> {
  const type = headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !body) throw new BadRequestError("Send the file as multipart/form-data with a field named \"file\".");
  const declared = Number(headers.get("content-length"));
  if (Number.isFinite(declared) && declared > options.maxBytes + 64 * 1024) throw tooLarge(options.maxBytes);

  await fs.promises.mkdir(options.dir, { recursive: true }).catch((err: unknown) => {
    throw storageError(err);
  });
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": type }, limits: { files: 1, fileSize: options.maxBytes, fields: 10, fieldSize: 10_000 } });
  } catch (err) {
    throw new BadRequestError(`The upload could not be read: ${(err as Error).message}`); // e.g. no boundary in the Content-Type
  }
  const fields: Record<string, string> = {};
  let received: Promise<ReceivedUpload> | null = null;

  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (field, file, info) => {
    if (field !== "file" || received) {
      file.resume();
      return;
    }
    received = storeFile(file, info.filename ?? "", options).then((stored) => ({ ...stored, fields }));
    // Keep the rejection for the caller; it is awaited below.
    received.catch(() => {});
  });

  await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream), parser).catch((err) => {
    if (!received) throw new BadRequestError(`The upload could not be read: ${(err as Error).message}`);
  });
  if (!received) throw new BadRequestError("No file in the upload: send it in a field named \"file\".");
  return received;
}

async function storeFile(file: Readable & { truncated?: boolean }, clientName: string, options: ReceiveOptions) {
  const fileName = path.basename(withoutControlCharacters(clientName).toWellFormed() || "upload.csv").slice(0, 200);
  const extension = path.extname(fileName).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
    file.resume();
    throw new UnsupportedMediaTypeError(`Upload a CSV, TSV or TXT file (${UPLOAD_EXTENSIONS.join(", ")}); "${fileName}" is not one.`);
  }
  const storedPath = path.join(options.dir, `${crypto.randomUUID()}.upload`);
  const hash = crypto.createHash("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  let tooBig = false;
  let refused: Error | null = null;
  file.on("limit", () => {
    tooBig = true;
  });
  // A refused file is read to its end but not written: ending the stream early stalls the parser.
  const inspect = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (refused) return done();
      if (head.length < SNIFF_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        if (looksBinary(head)) {
          refused = new UnsupportedMediaTypeError(`"${fileName}" is not a text file. Upload market data as CSV, TSV or TXT.`);
          return done();
        }
      }
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // The file stream is piped, not part of the pipeline: when writing fails (disk full) it must not be
  // destroyed, or busboy would wait for it forever; it is drained instead (below).
  const written = pipeline(inspect, fs.createWriteStream(storedPath, { flags: "wx", mode: 0o600 }));
  file.on("error", (err) => inspect.destroy(err));
  file.pipe(inspect);
  try {
    await written;
    if (refused) throw refused;
    if (tooBig || file.truncated) throw tooLarge(options.maxBytes);
    if (size === 0) throw new UnsupportedMediaTypeError(`"${fileName}" is empty.`);
  } catch (err) {
    file.unpipe(inspect);
    file.resume();
    await fs.promises.rm(storedPath, { force: true }).catch(() => {});
    throw storageError(err);
  }
  return { storedPath, fileName, size, sha256: hash.digest("hex") };
}

const NO_ROOM = new Set(["ENOSPC", "EDQUOT", "EFBIG"]);
const NOT_WRITABLE = new Set(["ENOTDIR", "EEXIST", "EACCES", "EPERM", "EROFS", "ENOENT", "EISDIR"]);

/** A file-system error while storing an upload, as the user should hear it; other errors unchanged. */
function storageError(err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code && NO_ROOM.has(code)) {
    console.warn(`[tandem] upload refused: no room to store it (${code})`);
    return new InsufficientStorageError("The server has no room to store this file right now, so nothing was kept. Try again later, or ask the administrator to free disk space.");
  }
  if (code && NOT_WRITABLE.has(code)) {
    console.warn(`[tandem] upload refused: the upload directory is not writable (${code}: ${(err as Error).message})`);
    return new ServiceUnavailableError("The server cannot store uploads right now (its upload directory is not writable), so nothing was kept. Ask the administrator to check TANDEM_DATA_DIR.");
  }
  return err;
}

function tooLarge(maxBytes: number) {
  return new PayloadTooLargeError(`The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit (UPLOAD_MAX_MB).`);
}
