import type { PostureLock } from "../posture/lock";
import type { PlannedResource } from "../posture/resource";
import { FileError } from "./file-error";
import { readJsonFile } from "./json-file";
import { looksLikeLock, parseLock } from "./lockfile";
import { previewSidesOf } from "./preview";
import { stackStateOf } from "./stack-state";

export type SourceDoc =
  | { kind: "lock"; lock: PostureLock }
  | { kind: "export"; resources: PlannedResource[]; stacks: readonly string[] }
  | { kind: "preview"; old: PlannedResource[]; new: PlannedResource[] };

const WHAT = "posture lockfile, `pulumi stack export` file or `pulumi preview --json` file";

/** Reads a lockfile, a stack export or a preview JSON file, telling them apart by their shape. */
export function readSourceFile(path: string): SourceDoc {
  const doc = readJsonFile(path, WHAT) as Record<string, unknown>;
  if (looksLikeLock(doc)) return { kind: "lock", lock: parseLock(doc, path) };
  if (typeof doc === "object" && doc !== null && "deployment" in doc)
    return { kind: "export", ...stackStateOf(doc, path) };
  if (typeof doc === "object" && doc !== null && "steps" in doc)
    return { kind: "preview", ...previewSidesOf(doc, path) };
  throw new FileError(path, WHAT, [
    {
      path: "(top level)",
      message: "has none of `networkAllows` (a lockfile), `deployment` (a stack export) or `steps` (a preview)",
    },
  ]);
}
