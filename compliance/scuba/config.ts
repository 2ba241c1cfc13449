import { Document, isScalar, isSeq } from "yaml";
import { SCUBAGEAR_VERSION } from "../../catalog/scuba";
import type { ClientProfile } from "../../profile/schema";
import type { ScubaAssessment } from "./assess";

/** Why each exempted id is in the file, said beside it: an assessor reads the reason with the exemption. */
function reasonFor(id: string, kind: string, profile: ClientProfile): string {
  const { breakGlass, exclusions } = profile.identity;
  if (kind === "Groups" && id.toLowerCase() === breakGlass.groupId.toLowerCase()) return "break-glass group";
  if (kind === "Users" && breakGlass.accounts.some((a) => a.toLowerCase() === id.toLowerCase()))
    return "break-glass account";
  if (kind === "GuestUserTypes")
    return `guests: the planned policy for this item excludes them${profile.identity.preset === "smb" ? " (identity.preset smb spares guests the device requirement)" : ""}`;
  const declared = exclusions.find((e) => [...e.groups, ...e.users].some((x) => x.toLowerCase() === id.toLowerCase()));
  return declared ? `identity.exclusions (${declared.control}): ${declared.reason}` : "excluded by the planned policy";
}

/**
 * The ScubaGear configuration file for a client: per item, the exclusions the planned policies
 * make (break-glass first, then what the profile declares, each with its reason), so a ScubaGear
 * run on the deployed tenant decides as `zt plan` says it will.
 */
export function scubaGearConfig(
  profile: ClientProfile,
  assessments: readonly ScubaAssessment[],
  stack: string,
): string {
  const aad: Record<string, unknown> = {};
  for (const a of assessments) {
    const lists = "RoleExclusions" in a.exclusions ? a.exclusions.RoleExclusions : a.exclusions;
    const kept = Object.fromEntries(Object.entries(lists).filter(([, ids]) => (ids as string[]).length > 0));
    if (Object.keys(kept).length === 0) continue;
    aad[a.policyId] = { ["RoleExclusions" in a.exclusions ? "RoleExclusions" : "CapExclusions"]: kept };
  }
  const { client } = profile;
  const doc = new Document({
    OrgName: client.displayName ?? client.name,
    OrgUnitName: `${client.name} (${client.environment})`,
    Description: `Exclusions of the zero-trust baseline for ${client.name}, from stack "${stack}". Every one is intended; see the comments.`,
    ProductNames: ["aad"],
    M365Environment: "commercial",
    Aad: aad,
  });
  doc.commentBefore = [
    ` ScubaGear ${SCUBAGEAR_VERSION} configuration, written by zt scuba-config from the planned baseline.`,
    " Run: Invoke-SCuBA -ConfigFilePath <this file>. Regenerate it whenever the profile's exclusions change.",
  ].join("\n");
  for (const [policyId, entry] of Object.entries(aad))
    for (const [section, lists] of Object.entries(entry as Record<string, Record<string, string[]>>))
      for (const kind of Object.keys(lists)) {
        const seq = doc.getIn(["Aad", policyId, section, kind], true);
        if (!isSeq(seq)) continue;
        for (const node of seq.items)
          if (isScalar(node)) node.comment = ` ${reasonFor(String(node.value), kind, profile)}`;
      }
  return doc.toString({ lineWidth: 0 });
}
