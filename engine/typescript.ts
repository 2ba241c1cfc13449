import { extname } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * TypeScript at run time, through tsx: zt plans a user's TypeScript program offline the way
 * Pulumi's language host does (with ts-node there), and in this repository runs from sources.
 */

const TYPESCRIPT = new Set([".ts", ".mts", ".cts"]);

export const isTypeScript = (file: string) => TYPESCRIPT.has(extname(file));

/** Node flags a child process needs to run `file`: tsx's loader (by its absolute address) for TypeScript. */
export function loaderArgsFor(file: string): string[] {
  return isTypeScript(file) ? ["--import", pathToFileURL(require.resolve("tsx")).href] : [];
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
