import * as pulumi from "@pulumi/pulumi";
import type { ClientProfile } from "../profile/schema";
import { refuseInvalidArgs, type ArgProblem } from "./args";
import { ZeroTrustApp } from "./access/zero-trust-app";
import { PrivilegedAccess } from "./identity/privileged-access";
import { AwsMonitoring } from "./monitoring/aws-monitoring";
import { CloudflareLogpush } from "./monitoring/cloudflare-logpush";
import { monitoringDecisions } from "../profile/monitoring-decisions";
import { EntraLogMonitoring } from "./monitoring/entra-log-monitoring";
import { ConditionalAccessBaseline } from "./identity/conditional-access-baseline";
import { AwsMfaEnforcement } from "./mfa/aws-mfa-enforcement";
import { AwsTierSegmentation } from "./network/aws-tier-segmentation";
import { AzureTierSegmentation } from "./network/azure-tier-segmentation";

/** A client's whole zero-trust baseline, from one validated profile. */
export interface ZeroTrustBaselineArgs {
  readonly profile: ClientProfile;
  /**
   * The Logpush destination when the profile names it by `destinationFromSecret`: a Pulumi secret
   * (`declareBaseline` reads it from stack config or ESC). Never a plain string in the profile.
   */
  readonly logpushDestination?: pulumi.Input<string>;
}

/** What is wrong with the args on their own (nothing registered then); empty when they are fine. */
export function zeroTrustBaselineProblems({ profile, logpushDestination }: ZeroTrustBaselineArgs): ArgProblem[] {
  const logpush = profile.monitoring.cloudflareLogpush;
  const pushed = profile.access && logpush && monitoringDecisions(profile)["cloudflare-logpush"].declared;
  return pushed && "destinationFromSecret" in logpush && logpushDestination === undefined
    ? [
        {
          path: "logpushDestination",
          message: `the profile takes the Logpush destination from the secret "${logpush.destinationFromSecret}": pass it (declareBaseline reads it from stack config)`,
        },
      ]
    : [];
}

/**
 * Composes the identity, MFA, segmentation and ZTNA components a profile asks for. Providers
 * arrive through `opts.providers` (one set per client), so no child ever uses ambient credentials.
 */
export class ZeroTrustBaseline extends pulumi.ComponentResource {
  public readonly identity: ConditionalAccessBaseline;
  public readonly awsMfa?: AwsMfaEnforcement;
  public readonly awsTiers?: AwsTierSegmentation;
  public readonly azureTiers?: AzureTierSegmentation;
  public readonly privilegedAccess?: PrivilegedAccess;
  /** Cloudflare Access apps by app name. */
  public readonly apps: Readonly<Record<string, ZeroTrustApp>> = {};

  constructor(name: string, args: ZeroTrustBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("ZeroTrustBaseline", name, zeroTrustBaselineProblems(args));
    super("zt-baseline:index:ZeroTrustBaseline", name, {}, opts);
    const { profile } = args;
    const { network } = profile;

    this.identity = new ConditionalAccessBaseline(
      `${name}-identity`,
      { identity: profile.identity, mfaStrength: profile.mfa.strength },
      { parent: this },
    );
    if (network.aws && profile.mfa.aws.enforce) {
      this.awsMfa = new AwsMfaEnforcement(
        `${name}-aws-mfa`,
        { groupName: profile.mfa.aws.groupName },
        { parent: this },
      );
    }
    if (network.aws) {
      this.awsTiers = new AwsTierSegmentation(
        `${name}-aws-tiers`,
        { client: profile.client.name, vpcId: network.aws.vpcId, tiers: network.tiers, flows: network.flows },
        { parent: this },
      );
    }
    if (network.azure) {
      this.azureTiers = new AzureTierSegmentation(
        `${name}-azure-tiers`,
        {
          client: profile.client.name,
          resourceGroupName: network.azure.resourceGroupName,
          location: network.azure.location,
          tiers: network.tiers,
          edgeTier: network.edgeTier,
          flows: network.flows,
        },
        { parent: this },
      );
    }

    if (profile.privilegedAccess) {
      this.privilegedAccess = new PrivilegedAccess(
        `${name}-privileged-access`,
        {
          settings: profile.privilegedAccess,
          breakGlassAccounts: profile.identity.breakGlass.accounts,
          awsAccountId: network.aws?.accountId,
        },
        { parent: this },
      );
    }

    const monitoring = monitoringDecisions(profile);
    if (network.azure && monitoring["entra-log-export"].declared) {
      new EntraLogMonitoring(
        `${name}-entra-logs`,
        {
          client: profile.client.name,
          resourceGroupName: network.azure.resourceGroupName,
          location: network.azure.location,
          retentionInDays: profile.monitoring.logRetentionDays,
          contacts: profile.client.contacts,
          breakGlassAccounts: monitoring["break-glass-alert"].declared ? profile.identity.breakGlass.accounts : [],
        },
        { parent: this },
      );
    }
    if (network.aws && (monitoring.cloudtrail.declared || monitoring.guardduty.declared)) {
      new AwsMonitoring(
        `${name}-aws-monitoring`,
        {
          client: profile.client.name,
          accountId: network.aws.accountId,
          contacts: profile.client.contacts,
          cloudtrail: monitoring.cloudtrail.declared,
          guardduty: monitoring.guardduty.declared,
        },
        { parent: this },
      );
    }
    const logpush = profile.monitoring.cloudflareLogpush;
    if (profile.access && logpush && monitoring["cloudflare-logpush"].declared) {
      // zeroTrustBaselineProblems made sure a destination from a secret was passed.
      const destination = "destination" in logpush ? logpush.destination : args.logpushDestination!;
      new CloudflareLogpush(
        `${name}-cloudflare-logpush`,
        { client: profile.client.name, accountId: profile.access.cloudflare.accountId, destination },
        { parent: this },
      );
    }

    const { access } = profile;
    for (const app of access?.apps ?? []) {
      (this.apps as Record<string, ZeroTrustApp>)[app.name] = new ZeroTrustApp(
        `${name}-app-${app.name}`,
        {
          client: profile.client.name,
          accountId: access!.cloudflare.accountId,
          teamName: access!.cloudflare.teamName,
          zoneId: access!.cloudflare.zoneId,
          identityProviderId: access!.cloudflare.identityProviderId,
          app,
          sessionDuration: app.sessionDuration ?? access!.defaultSessionDuration,
        },
        { parent: this },
      );
    }

    this.registerOutputs({
      conditionalAccessPolicyIds: this.identity.policyIds,
      awsMfaGroup: this.awsMfa?.groupName,
      awsSecurityGroupIds: this.awsTiers?.securityGroupIds,
      azureApplicationSecurityGroupIds: this.azureTiers?.applicationSecurityGroupIds,
      azureNetworkSecurityGroupIds: this.azureTiers?.networkSecurityGroupIds,
      accessApplicationIds: Object.fromEntries(Object.entries(this.apps).map(([n, a]) => [n, a.applicationId])),
    });
  }
}
