import type { z } from "zod";
import { BAD_TEXT_MESSAGE, badTextPath } from "./control-characters";
import { BadRequestError, PayloadTooLargeError, ValidationError } from "./errors";

export const MAX_JSON_BYTES = 256 * 1024;

const tooLarge = (limit: number) => new PayloadTooLargeError(`The request body is too large (limit ${Math.floor(limit / 1024)} KB).`);

/**
 * Reads a request's JSON body and validates it with a zod schema, returning the parsed value.
 * Throws BadRequestError (400) for a missing or malformed body, PayloadTooLargeError (413) past
 * `maxBytes` (checked while reading, so a body without Content-Length cannot run the server out
 * of memory), ValidationError (422) for text with control characters (NUL…) or lone surrogates,
 * and the schema's ZodError (422) for invalid fields (unknown fields too: the API's schemas are
 * strict); errorResponse maps them all.
 */
export async function parseRequest<S extends z.ZodType>(request: Request, schema: S, { maxBytes = MAX_JSON_BYTES } = {}): Promise<z.output<S>> {
  const text = await readText(request, maxBytes);
  if (text.trim() === "") throw new BadRequestError("The request needs a JSON body.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestError("The request body is not valid JSON.");
  }
  refuseBadText(value);
  return schema.parse(value);
}

/**
 * Validates the URL's query parameters with a zod schema (values are strings: use z.coerce for
 * numbers). A key given twice keeps its last value.
 */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  refuseBadText(query);
  return schema.parse(query);
}

function refuseBadText(value: unknown) {
  const path = badTextPath(value);
  if (path !== null) throw new ValidationError(BAD_TEXT_MESSAGE, [{ path, message: BAD_TEXT_MESSAGE }]);
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  if (Number(request.headers.get("content-length")) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
