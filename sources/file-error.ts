import type { z } from "zod";
import { formatPath } from "../profile/errors";

/** One thing wrong with a file: where in it (a JSON path), and what. */
export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * A file that cannot be used as what it was given for (a lockfile, a stack export, a preview):
 * names the file and every problem with its path. Nothing has been read from it, or written.
 */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly what: string,
    readonly problems: readonly FileProblem[],
    readonly hint?: string,
  ) {
    super(
      `${file} is not a valid ${what}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` +
        problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n") +
        (hint ? `\n${hint}` : ""),
    );
    this.name = "FileError";
  }
}

/** zod's issues as file problems, at most `limit` of them (a state file can be wrong everywhere). */
export function fileProblems(error: z.ZodError, limit = 20): FileProblem[] {
  const problems = error.issues.map((i) => {
    const path = formatPath(i.path);
    const at = path === "(profile)" ? "(top level)" : path;
    return i.code === "unrecognized_keys"
      ? { path: at, message: `unknown key${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")}` }
      : { path: at, message: i.message };
  });
  return problems.length > limit
    ? [...problems.slice(0, limit), { path: "…", message: `${problems.length - limit} more problem(s)` }]
    : problems;
}
