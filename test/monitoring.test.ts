import { describe, expect, it } from "vitest";
import { trailBucketPolicy } from "../components/monitoring/aws-monitoring";
import { monitoringDecisions } from "../profile/monitoring-decisions";
import { parseProfile, ProfileError } from "../profile";
import { isSecretValue } from "../posture/resource";
import { exampleProfile, minimalProfile } from "./fixtures";
import { planProfile } from "./harness";
import { planConfig } from "../engine/plan-stack";
import { redactSecrets } from "../posture/values";
import { DEFAULT_PROJECT, profileKey } from "../sources/project";

type Json = Record<string, any>;
const one = (rs: readonly { type: string; inputs: unknown }[], type: string) =>
  rs.filter((r) => r.type === type).map((r) => r.inputs as Json);

describe("continuous monitoring", () => {
  it("exports Entra sign-in and audit logs to a workspace kept for the profile's retention", async () => {
    const rs = await planProfile(exampleProfile());
    expect(one(rs, "azure-native:operationalinsights:Workspace")).toEqual([
      expect.objectContaining({ retentionInDays: 180 }),
    ]);
    const [setting] = one(rs, "azure-native:aadiam:DiagnosticSetting");
    expect(setting!.logs.map((l: Json) => l.category)).toEqual(expect.arrayContaining(["SignInLogs", "AuditLogs"]));
  });

  it("alerts the client's contacts on any break-glass sign-in and on Conditional Access changes", async () => {
    const profile = exampleProfile();
    const rs = await planProfile(profile);
    const [group] = one(rs, "azure-native:monitor:ActionGroup");
    expect(group!.emailReceivers.map((r: Json) => r.emailAddress)).toEqual(profile.client.contacts);
    const rules = one(rs, "azure-native:monitor:ScheduledQueryRule");
    const breakGlass = rules.find((r) => r.displayName === "Break-glass account sign-in")!;
    for (const account of profile.identity.breakGlass.accounts)
      expect(breakGlass.criteria.allOf[0].query).toContain(account);
    expect(breakGlass).toMatchObject({ severity: 0, criteria: { allOf: [{ operator: "GreaterThan", threshold: 0 }] } });
    expect(rules.find((r) => r.displayName === "Conditional Access policy changed")!.criteria.allOf[0].query).toMatch(
      /AuditLogs.*conditional access policy/,
    );
  });

  it("turns on a multi-region CloudTrail with log file validation into a private bucket, and GuardDuty routed to people", async () => {
    const rs = await planProfile(exampleProfile());
    expect(one(rs, "aws:cloudtrail/trail:Trail")).toEqual([
      expect.objectContaining({
        isMultiRegionTrail: true,
        enableLogFileValidation: true,
        includeGlobalServiceEvents: true,
      }),
    ]);
    expect(one(rs, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")).toEqual([
      expect.objectContaining({
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
    ]);
    expect(one(rs, "aws:guardduty/detector:Detector")).toEqual([expect.objectContaining({ enable: true })]);
    expect(JSON.parse(one(rs, "aws:cloudwatch/eventRule:EventRule")[0]!.eventPattern)).toEqual({
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
    });
    expect(one(rs, "aws:sns/topicSubscription:TopicSubscription").map((s) => s.endpoint)).toEqual([
      "secops@contoso.example",
    ]);
  });

  it("lets CloudTrail write only its own prefix", () => {
    const policy = trailBucketPolicy("arn:aws:s3:::b", "123456789012");
    expect(policy.Statement.map((s) => [s.Action, s.Resource])).toEqual([
      ["s3:GetBucketAcl", "arn:aws:s3:::b"],
      ["s3:PutObject", "arn:aws:s3:::b/AWSLogs/123456789012/*"],
    ]);
  });

  it("pushes Cloudflare Access request logs", async () => {
    const rs = await planProfile(exampleProfile());
    const [job] = one(rs, "cloudflare:index/logpushJob:LogpushJob");
    expect(job).toMatchObject({ dataset: "access_requests", enabled: true });
    // The provider treats the destination as a secret (it may carry credentials): it stays one.
    expect(isSecretValue(job!.destinationConf)).toBe(true);
    expect((job!.destinationConf as { value: string }).value).toBe(
      "s3://contoso-security-logs/cloudflare-access?region=eu-west-1",
    );
  });

  it("takes a Logpush destination with credentials only from a secret, and keeps it one", async () => {
    const raw = exampleProfile();
    raw.monitoring.cloudflareLogpush = { destination: "s3://logs/access?region=eu-west-1&secret-access-key=abc" };
    expect(() => parseProfile(raw)).toThrow(
      /cloudflareLogpush\.destination: holds a credential \(secret-access-key\) in plain text/,
    );
    raw.monitoring.cloudflareLogpush = { destination: "s3://logs", destinationFromSecret: "logpushDestination" };
    expect(() => parseProfile(raw)).toThrow(ProfileError);
    raw.monitoring.cloudflareLogpush = { destinationFromSecret: "logpushDestination" };
    const destination = "https://logs.example/ingest?header_Authorization=Bearer%20t0k3n";
    const { resources } = await planConfig(
      "example",
      {
        [profileKey(DEFAULT_PROJECT)]: JSON.stringify(raw),
        [`${DEFAULT_PROJECT}:logpushDestination`]: destination,
      },
      "test",
    );
    const [job] = one(resources, "cloudflare:index/logpushJob:LogpushJob");
    expect(isSecretValue(job!.destinationConf)).toBe(true);
    expect((job!.destinationConf as { value: string }).value).toBe(destination);
    expect(JSON.stringify(redactSecrets(resources))).not.toContain("t0k3n");
  });

  it("an opt-out with a reason removes a feature, and the decision says why", async () => {
    const raw = exampleProfile();
    raw.monitoring.optOuts = [
      { feature: "guardduty", reason: "The client's MSSP runs its own detection on this account already." },
    ];
    const rs = await planProfile(raw);
    expect(one(rs, "aws:guardduty/detector:Detector")).toEqual([]);
    expect(one(rs, "aws:cloudtrail/trail:Trail")).toHaveLength(1);
    expect(monitoringDecisions(parseProfile(raw)).guardduty).toEqual({
      declared: false,
      why: "opted out: The client's MSSP runs its own detection on this account already.",
    });
  });

  it("a profile without clouds declares nothing, and says what each feature needs", () => {
    const d = monitoringDecisions(parseProfile(minimalProfile()));
    expect(d.cloudtrail).toEqual({ declared: false, why: "needs network.aws" });
    expect(d["entra-log-export"]).toMatchObject({ declared: false });
  });

  it("refuses a retention under 90 days, and an opt-out without a reason", () => {
    const raw = exampleProfile();
    raw.monitoring.logRetentionDays = 30;
    raw.monitoring.optOuts = [{ feature: "cloudtrail" }];
    try {
      parseProfile(raw);
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      expect((e as ProfileError).problems).toEqual([
        { path: "monitoring.logRetentionDays", message: expect.stringMatching(/at least 90 days/) },
        { path: "monitoring.optOuts[0].reason", message: expect.stringMatching(/required/) },
      ]);
    }
  });

  it("keeps stable logical names", async () => {
    const rs = await planProfile(exampleProfile(), "example");
    const names = rs
      .filter((r) => /monitoring|entra-logs|logpush/.test(r.parent ?? ""))
      .map((r) => r.name)
      .sort();
    expect(names).toEqual(
      [
        "contoso-aws-monitoring-findings",
        "contoso-aws-monitoring-findings-contact-1",
        "contoso-aws-monitoring-findings-policy",
        "contoso-aws-monitoring-guardduty",
        "contoso-aws-monitoring-guardduty-findings",
        "contoso-aws-monitoring-guardduty-to-contacts",
        "contoso-aws-monitoring-trail",
        "contoso-aws-monitoring-trail-bucket",
        "contoso-aws-monitoring-trail-bucket-policy",
        "contoso-aws-monitoring-trail-bucket-private",
        "contoso-cloudflare-logpush-access-requests",
        "contoso-entra-logs-break-glass-sign-in",
        "contoso-entra-logs-conditional-access-changed",
        "contoso-entra-logs-contacts",
        "contoso-entra-logs-entra-logs",
        "contoso-entra-logs-workspace",
      ].sort(),
    );
  });
});
