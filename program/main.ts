import * as pulumi from "@pulumi/pulumi";
import { ZeroTrustBaseline } from "../components/zero-trust-baseline";
import { parseProfile, ProfileError } from "../profile";
import type { ClientProfile } from "../profile/schema";
import { clientProviders } from "./providers";

/** The stack config key holding the client profile (`zt-baseline:profile`). */
export const PROFILE_KEY = "profile";

/** Reads and validates the stack's profile; nothing is registered when it is invalid. */
export function readProfile(): ClientProfile {
  const stack = pulumi.getStack();
  const raw = new pulumi.Config().getObject<unknown>(PROFILE_KEY);
  if (raw === undefined) {
    throw new ProfileError(`stack "${stack}"`, [
      {
        path: PROFILE_KEY,
        message: `missing: set ${pulumi.getProject()}:${PROFILE_KEY} in the stack's config (Pulumi.${stack}.yaml)`,
      },
    ]);
  }
  return parseProfile(raw, `stack "${stack}"`);
}

/** One client's baseline from its stack's profile: the components, and the stack outputs. */
export function declareBaseline() {
  const profile = readProfile();
  const providers = clientProviders(profile);
  const logpush = profile.monitoring.cloudflareLogpush;
  // A destination with credentials is a Pulumi secret in stack config (or ESC), never profile text.
  const logpushDestination =
    logpush && "destinationFromSecret" in logpush
      ? new pulumi.Config().requireSecret(logpush.destinationFromSecret)
      : undefined;
  const baseline = new ZeroTrustBaseline(
    profile.client.name,
    { profile, ...(logpushDestination ? { logpushDestination } : {}) },
    { providers },
  );
  return { profile, providers, baseline, outputs: outputsOf(profile, baseline) };
}

/** The zero-trust program without additions: returns the stack outputs. */
export function main() {
  return declareBaseline().outputs;
}

function outputsOf(profile: ClientProfile, baseline: ZeroTrustBaseline) {
  return {
    client: profile.client.name,
    rollout: profile.identity.rollout,
    conditionalAccessPolicyIds: baseline.identity.policyIds,
    // Only the clouds the profile declares: an undefined output is noise in every `pulumi up`.
    ...(baseline.awsTiers ? { awsSecurityGroupIds: baseline.awsTiers.securityGroupIds } : {}),
    ...(baseline.azureTiers
      ? {
          azureApplicationSecurityGroupIds: baseline.azureTiers.applicationSecurityGroupIds,
          azureNetworkSecurityGroupIds: baseline.azureTiers.networkSecurityGroupIds,
        }
      : {}),
    accessApplicationIds: Object.fromEntries(Object.entries(baseline.apps).map(([n, a]) => [n, a.applicationId])),
    // Secrets stay secrets in the stack's outputs: `pulumi stack output --show-secrets` to read them.
    tunnelTokens: pulumi.secret(
      Object.fromEntries(
        Object.entries(baseline.apps).flatMap(([n, a]) => (a.tunnelToken ? [[n, a.tunnelToken]] : [])),
      ),
    ),
    serviceTokenSecrets: pulumi.secret(
      Object.fromEntries(Object.entries(baseline.apps).map(([n, a]) => [n, a.serviceTokenSecrets])),
    ),
  };
}
