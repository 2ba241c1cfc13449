import type { StackRule } from "../../rule";
import { resourceName } from "../support";

export const identityNoBreakGlassMembersAdded: StackRule = {
  // A stack rule: a Group's own object id is known only from its outputs, which Analyze does not carry.
  kind: "stack",
  name: "identity-no-break-glass-members-added",
  layer: "identity",
  description:
    "Nobody but the break-glass accounts is put into the break-glass group: every Conditional Access policy excludes its members.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "nis2-21-2-i"],
  references: ["Microsoft Learn: manage emergency access accounts in Entra ID", "CISA SCuBA MS.AAD.7.4v1"],
  remediation:
    "Remove the membership; to add an emergency account, add it to the profile's break-glass accounts first (zt policy-config).",
  uses: ["breakGlass"],
  judge: (posture, s) =>
    posture.identity.memberships
      .filter((m) => s.breakGlass.groups.includes(m.group) && !s.breakGlass.users.includes(m.member))
      .map((m) => ({
        urn: m.origin.urn,
        message: `${resourceName(m.origin)} puts ${m.member} into break-glass group ${m.group}: it would skip every Conditional Access policy. Only the break-glass accounts belong there.`,
      })),
};
