import { diffLocks } from "../../../../posture/lock-diff";
import { lockOf } from "../../../../posture/lock";
import type { StackRule } from "../../rule";

export const postureWithinLock: StackRule = {
  kind: "stack",
  name: "posture-within-lock",
  layer: "posture",
  description:
    "The deployment grants nothing beyond the approved posture lockfile: no new flow, exclusion, weaker grant, broader audience, longer session or new privilege.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-governance", "nis2-21-2-f", "nist-207-t7"],
  references: ["zt-baseline: posture lockfile (stacks/<stack>.posture-lock.json)"],
  remediation:
    "Undo the widening, or approve it: run `zt lock --stack <stack>` and have the lockfile change reviewed in the same pull request.",
  uses: ["lock", "breakGlass"],
  judge: (posture, s) => {
    if (!s.lock) {
      return [
        {
          notice: true,
          message:
            "No posture lockfile is configured, so widening cannot be detected. Run `zt lock --stack <stack>` and commit the lockfile.",
        },
      ];
    }
    const breakGlass = [...s.breakGlass.groups.map((g) => `group:${g}`), ...s.breakGlass.users.map((u) => `user:${u}`)];
    const items = diffLocks(s.lock, lockOf(posture), { breakGlass });
    const narrowing = items.filter((i) => i.change === "narrowing");
    return [
      ...items
        .filter((i) => i.change === "widening")
        .map((i) => ({
          message: `Widens the approved posture (${i.layer}): ${i.message}. Undo it, or approve it with \`zt lock\` in the same change.`,
        })),
      ...(narrowing.length
        ? [
            {
              notice: true,
              message: `The posture is narrower than its lockfile in ${narrowing.length} place(s): run \`zt lock\` to tighten the lock.`,
            },
          ]
        : []),
    ];
  },
};
