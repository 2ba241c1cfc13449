import { existsSync, readFileSync } from "node:fs";
import { writeWhole } from "./write-whole";
import { join } from "node:path";
import { LOCK_VERSION, lockOf, PostureLock, serializeLock } from "../posture/lock";
import { postureOf } from "../posture/build";
import type { PlannedResource } from "../posture/resource";
import { FileError, fileProblems } from "./file-error";
import { readJsonFile } from "./json-file";

const WHAT = "posture lockfile";

/** The approved posture of a stack lives beside its config: stacks/<stack>.posture-lock.json. */
export function lockPath(stacksDir: string, stack: string): string {
  return join(stacksDir, `${stack}.posture-lock.json`);
}

/** True when a parsed JSON document is meant as a lockfile (whatever its version). */
export const looksLikeLock = (doc: unknown): boolean =>
  typeof doc === "object" && doc !== null && "networkAllows" in doc && "version" in doc;

/** Validates a parsed lockfile; `file` names it in errors (a path, or `git:<ref>:<stack>`). */
export function parseLock(doc: unknown, file: string): PostureLock {
  const version = (doc as { version?: unknown } | null)?.version;
  if (looksLikeLock(doc) && version !== LOCK_VERSION) {
    throw new FileError(
      file,
      WHAT,
      [{ path: "version", message: `version ${JSON.stringify(version)} is not the current ${LOCK_VERSION}` }],
      "Rewrite it from the plan with `zt lock --stack <stack>` and review the change.",
    );
  }
  const parsed = PostureLock.safeParse(doc);
  if (!parsed.success) {
    throw new FileError(
      file,
      WHAT,
      fileProblems(parsed.error),
      "Fix it by hand, or rewrite it with `zt lock --stack <stack>`.",
    );
  }
  return parsed.data;
}

/** Reads and validates a lockfile at a path. */
export function readLockFile(file: string): PostureLock {
  return parseLock(readJsonFile(file, WHAT), file);
}

/** A stack's lockfile, validated; undefined when the stack has none. */
export function readLock(stacksDir: string, stack: string): PostureLock | undefined {
  const path = lockPath(stacksDir, stack);
  return existsSync(path) ? readLockFile(path) : undefined;
}

export function lockText(resources: readonly PlannedResource[]): string {
  return serializeLock(lockOf(postureOf(resources)));
}

/** Writes the lock (whole, or not at all: through a temporary file); returns whether it changed. */
export function writeLock(stacksDir: string, stack: string, resources: readonly PlannedResource[]): boolean {
  const path = lockPath(stacksDir, stack);
  const text = lockText(resources);
  if (existsSync(path) && readFileSync(path, "utf8") === text) return false;
  writeWhole(path, text);
  return true;
}
