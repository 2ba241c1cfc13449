import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lockOf, serializeLock, type PostureLock } from "../posture/lock";
import { postureOf } from "../posture/build";
import type { PlannedResource } from "../posture/resource";

/** The approved posture of a stack lives beside its config: stacks/<stack>.posture-lock.json. */
export function lockPath(stacksDir: string, stack: string): string {
  return join(stacksDir, `${stack}.posture-lock.json`);
}

export function readLock(stacksDir: string, stack: string): PostureLock | undefined {
  const path = lockPath(stacksDir, stack);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as PostureLock) : undefined;
}

export function lockText(resources: readonly PlannedResource[]): string {
  return serializeLock(lockOf(postureOf(resources)));
}

/** Writes the lock; returns whether it changed. */
export function writeLock(stacksDir: string, stack: string, resources: readonly PlannedResource[]): boolean {
  const path = lockPath(stacksDir, stack);
  const text = lockText(resources);
  const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (before !== text) writeFileSync(path, text);
  return before !== text;
}
