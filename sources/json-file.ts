import { readFileSync } from "node:fs";
import { FileError } from "./file-error";

/**
 * A JSON file's contents. A missing, unreadable or malformed file (a truncated export, say) is a
 * FileError naming the file and where the text went wrong, never a bare parser message.
 */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(file, what, [
      { path: "(file)", message: code === "ENOENT" ? "no such file" : (e as Error).message },
    ]);
  }
  if (text.trim() === "") throw new FileError(file, what, [{ path: "(file)", message: "the file is empty" }]);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new FileError(file, what, [{ path: "(file)", message: `not JSON: ${(e as Error).message}` }]);
  }
}
