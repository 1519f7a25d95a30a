import path from "node:path";
import { dataDir } from "../data-dir";

/** Uploaded files wait here until their import succeeds. */
export function uploadsDir(): string {
  return path.join(dataDir(), "uploads");
}
