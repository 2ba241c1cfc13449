import { DnsRecord } from "@pulumi/cloudflare/dnsRecord";
import { getZeroTrustTunnelCloudflaredTokenOutput } from "@pulumi/cloudflare/getZeroTrustTunnelCloudflaredToken";
import { ZeroTrustAccessApplication } from "@pulumi/cloudflare/zeroTrustAccessApplication";
import { ZeroTrustAccessPolicy } from "@pulumi/cloudflare/zeroTrustAccessPolicy";
import { ZeroTrustAccessServiceToken } from "@pulumi/cloudflare/zeroTrustAccessServiceToken";
import { ZeroTrustTunnelCloudflared } from "@pulumi/cloudflare/zeroTrustTunnelCloudflared";
import { ZeroTrustTunnelCloudflaredConfig } from "@pulumi/cloudflare/zeroTrustTunnelCloudflaredConfig";
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { AccessApp } from "../../profile/access";
import type { Duration } from "../../profile/primitives";
import { durationMinutes, goDuration } from "../../posture/durations";
import { REQUIRED_AUTH_METHOD } from "../../catalog/access";
import { clientProblems, refuseInvalidArgs, type ArgProblem } from "../args";

/** One internal app behind Cloudflare Access: who may reach it, with what, for how long. */
export interface ZeroTrustAppArgs {
  readonly client: string;
  readonly accountId: pulumi.Input<string>;
  readonly teamName: string;
  readonly zoneId?: pulumi.Input<string>;
  /** The tenant's Entra ID identity provider in Access: the only one the app allows. */
  readonly identityProviderId: pulumi.Input<string>;
  readonly app: z.output<typeof AccessApp>;
  /** Resolved session length (the app's own or the profile default), already within the ceiling. */
  readonly sessionDuration: Duration;
}

/** What is wrong with the args on their own; empty when they are fine. */
export function zeroTrustAppProblems(args: ZeroTrustAppArgs): ArgProblem[] {
  return [
    ...clientProblems(args.client),
    ...(args.teamName.trim() === ""
      ? [{ path: "teamName", message: "the Zero Trust team name is needed (the IdP and login domain)" }]
      : []),
    ...(Number.isNaN(durationMinutes(args.sessionDuration))
      ? [
          {
            path: "sessionDuration",
            message: `"${args.sessionDuration}" is not a duration like "8h" (minutes m, hours h, days d)`,
          },
        ]
      : []),
  ];
}

/**
 * An Access application with a reusable allow policy (identity groups AND MFA AND device posture),
 * an optional approval step, service tokens that expire, and an optional Cloudflare Tunnel so the
 * origin has no public ingress. Nothing here can express `everyone` or `bypass`.
 */
export class ZeroTrustApp extends pulumi.ComponentResource {
  public readonly applicationId: pulumi.Output<string>;
  public readonly tunnelId?: pulumi.Output<string>;
  /** Token a cloudflared connector runs with (secret). */
  public readonly tunnelToken?: pulumi.Output<string>;
  /** Service token client ids by token name, and their secrets (secret). */
  public readonly serviceTokenClientIds: pulumi.Output<Record<string, string>>;
  public readonly serviceTokenSecrets: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: ZeroTrustAppArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("ZeroTrustApp", name, zeroTrustAppProblems(args));
    super("zt-baseline:access:ZeroTrustApp", name, {}, opts);
    const { app, accountId, identityProviderId } = args;
    const sessionDuration = goDuration(durationMinutes(args.sessionDuration));
    const label = `zt-${args.client}-${app.name}`;

    const allow = new ZeroTrustAccessPolicy(
      `${name}-allow`,
      {
        accountId,
        name: `${label}-allow`,
        decision: "allow",
        includes: [
          ...app.audience.groups.map((id) => ({ azureAd: { id, identityProviderId } })),
          ...app.audience.emailDomains.map((domain) => ({ emailDomain: { domain } })),
        ],
        requires: [
          { authMethod: { authMethod: REQUIRED_AUTH_METHOD } },
          ...app.devicePosture.map((integrationUid) => ({ devicePosture: { integrationUid } })),
        ],
        sessionDuration,
        ...(app.approval
          ? {
              approvalRequired: true,
              approvalGroups: [{ approvalsNeeded: 1, emailAddresses: [...app.approval.approvers] }],
            }
          : {}),
        ...(app.purposeJustification
          ? { purposeJustificationRequired: true, purposeJustificationPrompt: `Why do you need ${app.name} now?` }
          : {}),
      },
      { parent: this },
    );

    const tokens = app.serviceTokens.map(
      (t) =>
        [
          t.name,
          new ZeroTrustAccessServiceToken(
            `${name}-token-${t.name}`,
            { accountId, name: `${label}-${t.name}`, duration: goDuration(durationMinutes(t.duration)) },
            { parent: this },
          ),
        ] as const,
    );
    const machines = tokens.length
      ? new ZeroTrustAccessPolicy(
          `${name}-service-tokens`,
          {
            accountId,
            name: `${label}-service-tokens`,
            decision: "non_identity",
            includes: tokens.map(([, token]) => ({ serviceToken: { tokenId: token.id } })),
          },
          { parent: this },
        )
      : undefined;

    const application = new ZeroTrustAccessApplication(
      `${name}-application`,
      {
        accountId,
        name: label,
        type: app.kind,
        domain: app.domain,
        sessionDuration,
        allowedIdps: [identityProviderId],
        autoRedirectToIdentity: true,
        appLauncherVisible: true,
        httpOnlyCookieAttribute: true,
        sameSiteCookieAttribute: "lax",
        enableBindingCookie: app.devicePosture.length > 0 || app.approval !== undefined,
        policies: [{ id: allow.id, precedence: 1 }, ...(machines ? [{ id: machines.id, precedence: 2 }] : [])],
      },
      { parent: this },
    );

    if (app.tunnel) {
      const tunnel = new ZeroTrustTunnelCloudflared(
        `${name}-tunnel`,
        { accountId, name: label, configSrc: "cloudflare" },
        { parent: this },
      );
      new ZeroTrustTunnelCloudflaredConfig(
        `${name}-tunnel-config`,
        {
          accountId,
          tunnelId: tunnel.id,
          config: {
            ingresses: [
              {
                hostname: app.domain,
                service: app.tunnel.originUrl,
                // The origin also checks the Access token: the tunnel alone is not a way in.
                originRequest: { access: { required: true, teamName: args.teamName, audTags: [application.aud] } },
              },
              { service: "http_status:404" },
            ],
          },
        },
        { parent: this },
      );
      if (args.zoneId) {
        new DnsRecord(
          `${name}-dns`,
          {
            zoneId: args.zoneId,
            name: app.domain,
            type: "CNAME",
            content: pulumi.interpolate`${tunnel.id}.cfargotunnel.com`,
            proxied: true,
            ttl: 1,
          },
          { parent: this },
        );
      }
      this.tunnelId = tunnel.id;
      this.tunnelToken = pulumi.secret(
        getZeroTrustTunnelCloudflaredTokenOutput({ accountId, tunnelId: tunnel.id }, { parent: this }).token,
      );
    }

    this.applicationId = application.id;
    this.serviceTokenClientIds = pulumi.output(Object.fromEntries(tokens.map(([n, t]) => [n, t.clientId])));
    this.serviceTokenSecrets = pulumi.secret(Object.fromEntries(tokens.map(([n, t]) => [n, t.clientSecret])));
    this.registerOutputs({
      applicationId: this.applicationId,
      tunnelId: this.tunnelId,
      tunnelToken: this.tunnelToken,
      serviceTokenClientIds: this.serviceTokenClientIds,
      serviceTokenSecrets: this.serviceTokenSecrets,
    });
  }
}
