import { z } from "zod";
import { SECRET_SIG, SIG_KEY, type PlannedResource } from "../posture/resource";
import { OPAQUE_SECRET } from "../posture/values";
import { FileError, fileProblems } from "./file-error";
import { fromV3, ResourceV3 } from "./stack-state";

/** display.PreviewDigest, as `pulumi preview --json` writes it: steps with the old and new states. */
const PreviewDigest = z.looseObject({
  steps: z.array(
    z.looseObject({
      op: z.string().min(1),
      urn: z.string().optional(),
      oldState: ResourceV3.optional(),
      newState: ResourceV3.optional(),
    }),
  ),
});

/** Both sides of a preview: the resources before the change, and after it. */
export interface PreviewSides {
  readonly old: PlannedResource[];
  readonly new: PlannedResource[];
}

/**
 * `pulumi preview --json` blinds every secret as the string "[secret]" (display.MassageSecrets):
 * read as a secret that was never decrypted, so no rule takes "[secret]" for an address or a name.
 */
function unblind(v: unknown): unknown {
  if (v === "[secret]") return { [SIG_KEY]: SECRET_SIG, value: OPAQUE_SECRET };
  if (Array.isArray(v)) return v.map(unblind);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unblind(x)]));
}

const readState = (r: ResourceV3): PlannedResource => {
  const res = fromV3(r);
  return {
    ...res,
    inputs: unblind(res.inputs) as Record<string, unknown>,
    ...(res.outputs ? { outputs: unblind(res.outputs) as Record<string, unknown> } : {}),
  };
};

const GONE = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

/** Reads a parsed `pulumi preview --json` document: deletes only before, creates only after. */
export function previewSidesOf(doc: unknown, file: string): PreviewSides {
  const parsed = PreviewDigest.safeParse(doc);
  if (!parsed.success) throw new FileError(file, "`pulumi preview --json` file", fileProblems(parsed.error));
  const steps = parsed.data.steps;
  return {
    old: steps.flatMap((s) => (s.oldState ? [readState(s.oldState)] : [])),
    new: steps.flatMap((s) => (s.newState && !GONE.has(s.op) ? [readState(s.newState)] : [])),
  };
}
