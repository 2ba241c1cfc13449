import { extname } from "node:path";

/**
 * TypeScript at run time, through tsx: zt plans a user's TypeScript program offline the way
 * Pulumi's language host does (with ts-node there), and in this repository runs from sources.
 */

const TYPESCRIPT = new Set([".ts", ".mts", ".cts"]);

export const isTypeScript = (file: string) => TYPESCRIPT.has(extname(file));

/**
 * Node flags a child process needs to run `file`: tsx's CommonJS hook (by its absolute path) for
 * TypeScript. This package is CommonJS and loads lazily with `require`, so the hook is all it
 * needs; tsx's ESM hooks (`--import tsx`) start a loader thread that costs ~0.5 s of CPU a process.
 */
export function loaderArgsFor(file: string): string[] {
  return isTypeScript(file) ? ["--require", require.resolve("tsx/cjs")] : [];
}

/** Lets `require` in this process load TypeScript (already so under tsx, not from compiled code). */
export function requireTypeScript(): void {
  if (!require.extensions[".ts"]) (require("tsx/cjs/api") as { register(): unknown }).register();
}

/** How to start a module of this package in a new Node process: its flags, then the file. */
export function nodeArgsFor(file: string): string[] {
  return [...loaderArgsFor(file), file];
}

/** This package's own file `name` beside `dir`, in the extension this code runs as (`.ts` or `.js`). */
export const sibling = (dir: string, name: string) => `${dir}/${name}${extname(__filename)}`;
