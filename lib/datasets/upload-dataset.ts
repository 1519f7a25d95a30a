import fs from "node:fs";
import { z } from "zod";
import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { BAD_TEXT_MESSAGE, isCleanText } from "../http/control-characters";
import { ValidationError } from "../http/errors";
import type { JobQueue } from "../jobs";
import { createDataset } from "./create-dataset";
import { receiveUpload } from "./receive-upload";
import { uploadMaxBytes } from "./upload-limits";
import { uploadsDir } from "./uploads-dir";

const fieldsSchema = z
  .object({
    name: z
      .string()
      .trim()
      .max(120, "A dataset name has at most 120 characters")
      .refine(isCleanText, BAD_TEXT_MESSAGE)
      .optional(),
    symbol: z
      .string()
      .trim()
      .max(20, "A symbol has at most 20 characters")
      .regex(/^[A-Za-z0-9.^=_-]*$/, "A symbol has letters, digits and . ^ = _ - only")
      .optional(),
  })
  .strict();

/** `POST /api/datasets`: the upload streamed to disk, then a dataset and its import job recorded. */
export async function uploadDataset(db: Db, queue: JobQueue, user: Principal, request: Request) {
  const upload = await receiveUpload(request.headers, request.body, { dir: uploadsDir(), maxBytes: uploadMaxBytes() });
  const fields = fieldsSchema.safeParse(upload.fields);
  if (!fields.success) {
    await fs.promises.rm(upload.storedPath, { force: true });
    const issues = fields.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new ValidationError(issues[0]!.message, issues);
  }
  try {
    return await createDataset(db, queue, { ownerId: user.id, upload, name: fields.data.name, symbol: fields.data.symbol });
  } catch (err) {
    // Not recorded (the database busy or down): the stored file would never be imported.
    await fs.promises.rm(upload.storedPath, { force: true }).catch(() => {});
    throw err;
  }
}
