import * as pulumi from "@pulumi/pulumi";
import type { ClientProfile } from "../profile/schema";
import { ConditionalAccessBaseline } from "./identity/conditional-access-baseline";
import { AwsMfaEnforcement } from "./mfa/aws-mfa-enforcement";

/** A client's whole zero-trust baseline, from one validated profile. */
export interface ZeroTrustBaselineArgs {
  readonly profile: ClientProfile;
}

/**
 * Composes the identity, MFA, segmentation and ZTNA components a profile asks for. Providers
 * arrive through `opts.providers` (one set per client), so no child ever uses ambient credentials.
 */
export class ZeroTrustBaseline extends pulumi.ComponentResource {
  public readonly identity: ConditionalAccessBaseline;
  public readonly awsMfa?: AwsMfaEnforcement;

  constructor(name: string, args: ZeroTrustBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    super("zt-baseline:index:ZeroTrustBaseline", name, {}, opts);
    const { profile } = args;

    this.identity = new ConditionalAccessBaseline(
      `${name}-identity`,
      { identity: profile.identity, mfaStrength: profile.mfa.strength },
      { parent: this },
    );
    if (profile.network.aws && profile.mfa.aws.enforce) {
      this.awsMfa = new AwsMfaEnforcement(
        `${name}-aws-mfa`,
        { groupName: profile.mfa.aws.groupName },
        { parent: this },
      );
    }

    this.registerOutputs({
      conditionalAccessPolicyIds: this.identity.policyIds,
      awsMfaGroup: this.awsMfa?.groupName,
    });
  }
}
