import { z } from "zod";
import type { PlannedResource } from "../posture/resource";
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

const GONE = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

/** Reads a parsed `pulumi preview --json` document: deletes only before, creates only after. */
export function previewSidesOf(doc: unknown, file: string): PreviewSides {
  const parsed = PreviewDigest.safeParse(doc);
  if (!parsed.success) throw new FileError(file, "`pulumi preview --json` file", fileProblems(parsed.error));
  const steps = parsed.data.steps;
  return {
    // The CLI blinds every secret in a preview as "[secret]".
    old: steps.flatMap((s) => (s.oldState ? [fromV3(s.oldState, true)] : [])),
    new: steps.flatMap((s) => (s.newState && !GONE.has(s.op) ? [fromV3(s.newState, true)] : [])),
  };
}
