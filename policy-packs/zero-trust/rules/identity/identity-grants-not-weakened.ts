import type { ControlContext } from "../../../../catalog/control";
import { CONTROLS } from "../../../../catalog/controls";
import type { CaPolicyPosture } from "../../../../posture/model";
import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

/** Only the shape of each control's grant matters here, not the ids it refers to. */
const SHAPE: ControlContext = {
  preset: "smb",
  adminRoles: [],
  userStrengthId: "strength",
  adminStrengthId: "strength",
  allowedCountriesLocationId: "location",
  userSignInFrequencyHours: 1,
  adminSignInFrequencyHours: 1,
};

/** How a deployed policy falls short of its catalog control's grant, if it does. */
function weakenings(p: CaPolicyPosture): string[] {
  const control = CONTROLS.find((c) => c.displayName === p.displayName);
  if (!control) return [];
  const spec = control.policy(SHAPE);
  const out: string[] = [];
  const expected = spec.grant;
  if (expected) {
    const builtIn = (expected.builtInControls ?? []) as string[];
    const missing = builtIn.filter((b) => !p.grant?.builtIn.includes(b));
    if (missing.length) out.push(`its grant lost ${missing.join(", ")}`);
    if (expected.operator === "AND" && builtIn.length > 1 && p.grant?.operator !== "AND")
      out.push("its grant turned AND into OR");
    if (expected.authenticationStrengthPolicyId !== undefined && !p.grant?.strength)
      out.push("its authentication strength was dropped");
  }
  if (spec.session?.persistentBrowserMode === "never" && p.session?.persistentBrowser !== "never")
    out.push("its browser sessions became persistent");
  return out;
}

export const identityGrantsNotWeakened: ResourceRule = {
  kind: "resource",
  name: "identity-grants-not-weakened",
  layer: "identity",
  description:
    "A baseline Conditional Access policy keeps the grant its catalog control declares: no MFA removed, no AND turned into OR, no strength dropped.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-authentication", "ztmm-governance"],
  references: ["docs/controls.md (the catalog)", "CISA SCuBA MS.AAD.3"],
  remediation:
    "Restore the control's grant (see docs/controls.md), or opt the control out in the profile with a reason.",
  uses: [],
  reads: ["identity.policies"],
  judge: (posture) =>
    posture.identity.policies.flatMap((p) => {
      const found = weakenings(p);
      return found.length
        ? [
            {
              urn: p.origin.urn,
              message: `${resourceName(p.origin)} ('${p.displayName}') is weaker than its control: ${found.join("; ")}. Restore the grant.`,
            },
          ]
        : [];
    }),
};
