import type { StackRule } from "../../rule";
import { resourceName } from "../support";

/** How many of a type's widening properties a message names. */
const SHOWN = 3;

export const postureEveryTypeRead: StackRule = {
  kind: "stack",
  name: "posture-every-type-read",
  layer: "posture",
  description:
    "Every resource that can widen a path or a right is of a type the pack reads; the others are named, with the properties that can widen, for a reviewer to judge. Advisory by default; set it mandatory to stop on any type the pack does not read.",
  severity: "medium",
  enforcementLevel: "advisory",
  frameworks: ["ztmm-governance"],
  references: ["policy-packs/zero-trust/RULES.md: What the pack reads (the backlog)"],
  remediation:
    "Review the named properties by hand (and record an exception once judged), or replace the resource with one the pack reads.",
  uses: [],
  judge: (posture) =>
    posture.unread.map((u) => {
      const named =
        u.properties.slice(0, SHOWN).join(", ") +
        (u.properties.length > SHOWN ? ` and ${u.properties.length - SHOWN} more` : "");
      return {
        urn: u.origin.urn,
        message: `${resourceName(u.origin)} can widen through ${named}, and the pack does not read its type yet: its verdict here says nothing about it. Review those properties, or set posture-every-type-read mandatory to stop on types the pack does not read.`,
      };
    }),
};
