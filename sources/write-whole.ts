import { renameSync, writeFileSync } from "node:fs";

/** Writes a file whole or not at all: through a temporary file beside it, renamed into place. */
export function writeWhole(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
