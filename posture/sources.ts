import { readFileSync } from "node:fs";
import type { PostureLock } from "./lock";
import type { PlannedResource } from "./resource";

/**
 * apitype.ResourceV3, the resource shape of `pulumi stack export` (deployment.resources) and of
 * `pulumi preview --json` (steps[].oldState/newState). Only the fields the readers use.
 */
interface ResourceV3 {
  urn: string;
  type: string;
  custom?: boolean;
  delete?: boolean;
  inputs?: Record<string, unknown>;
  parent?: string;
  provider?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
}

function fromV3(r: ResourceV3): PlannedResource {
  return {
    urn: r.urn,
    type: r.type,
    name: r.urn.split("::").pop() ?? r.urn,
    custom: r.custom ?? true,
    parent: r.parent,
    provider: r.provider,
    dependencies: r.dependencies ?? [],
    propertyDependencies: r.propertyDependencies ?? {},
    inputs: r.inputs ?? {},
  };
}

/** Resources of a `pulumi stack export` file (apitype.UntypedDeployment, version 3). */
export function resourcesOfExport(doc: { deployment?: { resources?: ResourceV3[] } }): PlannedResource[] {
  return (doc.deployment?.resources ?? []).filter((r) => !r.delete).map(fromV3);
}

/** One side of a `pulumi preview --json` file (display.PreviewDigest): before, or after, the change. */
export function resourcesOfPreview(
  doc: { steps?: { op: string; oldState?: ResourceV3; newState?: ResourceV3 }[] },
  side: "old" | "new",
): PlannedResource[] {
  return (doc.steps ?? [])
    .map((s) =>
      side === "old" ? s.oldState : s.op === "delete" || s.op === "delete-replaced" ? undefined : s.newState,
    )
    .filter((r): r is ResourceV3 => r !== undefined)
    .map(fromV3);
}

export type SourceDoc =
  | { kind: "lock"; lock: PostureLock }
  | { kind: "export"; resources: PlannedResource[] }
  | { kind: "preview"; old: PlannedResource[]; new: PlannedResource[] };

/** Reads a lockfile, a stack export or a preview JSON file, telling them apart by their shape. */
export function readSourceFile(path: string): SourceDoc {
  const doc = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  if (doc.version === 1 && Array.isArray(doc.networkAllows))
    return { kind: "lock", lock: doc as unknown as PostureLock };
  if (typeof doc.deployment === "object" && doc.deployment !== null)
    return { kind: "export", resources: resourcesOfExport(doc) };
  if (Array.isArray(doc.steps))
    return { kind: "preview", old: resourcesOfPreview(doc, "old"), new: resourcesOfPreview(doc, "new") };
  throw new Error(
    `${path} is neither a posture lockfile, a \`pulumi stack export\` file nor a \`pulumi preview --json\` file`,
  );
}
