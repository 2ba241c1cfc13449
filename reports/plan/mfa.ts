import { ADMIN_STRENGTH } from "../../catalog/authentication-strengths";
import { REQUIRED_AUTH_METHOD } from "../../catalog/access";
import type { ClientProfile } from "../../profile/schema";
import type { PlannedResource } from "../../posture/resource";
import { heading } from "./text";

/** MFA section: one strength in the profile, followed by every provider that signs people in. */
export function renderMfa(profile: ClientProfile, resources: readonly PlannedResource[]): string[] {
  const lines = [heading("MFA", `users: ${profile.mfa.strength} · admins: ${ADMIN_STRENGTH}`)];
  lines.push(`  Entra ID: authentication strengths required by Conditional Access (see IDENTITY)`);
  const group = resources.find((r) => r.type === "aws:iam/group:Group");
  lines.push(
    group
      ? `  AWS IAM: group ${String(group.inputs.name)} denies every action without MFA (aws:MultiFactorAuthPresent)`
      : "  AWS IAM: not declared (no network.aws account, or mfa.aws.enforce is false)",
  );
  const apps = profile.access?.apps.length ?? 0;
  lines.push(
    apps > 0
      ? `  Cloudflare Access: every app's allow policy requires authMethod ${REQUIRED_AUTH_METHOD} (${apps} apps); the strength itself is Entra's`
      : "  Cloudflare Access: no apps declared",
  );
  return lines;
}
