import { DiagnosticSetting } from "@pulumi/azure-native/aadiam";
import { ActionGroup, ScheduledQueryRule } from "@pulumi/azure-native/monitor";
import { Workspace } from "@pulumi/azure-native/operationalinsights";
import * as pulumi from "@pulumi/pulumi";
import { clientProblems, guidProblems, refuseInvalidArgs, type ArgProblem } from "../args";

/** Entra ID logs in a Log Analytics workspace, and alerts people act on. */
export interface EntraLogMonitoringArgs {
  readonly client: string;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly retentionInDays: number;
  /** Who is alerted (the client's contacts). */
  readonly contacts: readonly string[];
  /** Break-glass account object ids: any sign-in by one of them alerts. Empty: no such alert. */
  readonly breakGlassAccounts: readonly string[];
}

const LOG_CATEGORIES = ["SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs", "AuditLogs"];

/** What is wrong with the args on their own; empty when they are fine. */
export function entraLogMonitoringProblems(args: EntraLogMonitoringArgs): ArgProblem[] {
  return [
    ...clientProblems(args.client),
    ...(Number.isInteger(args.retentionInDays) && args.retentionInDays >= 90 && args.retentionInDays <= 730
      ? []
      : [{ path: "retentionInDays", message: `${args.retentionInDays} is not a retention of 90 to 730 whole days` }]),
    ...guidProblems("breakGlassAccounts", args.breakGlassAccounts),
  ];
}

/**
 * Exports Entra sign-in and audit logs to a workspace kept for the profile's retention, and alerts
 * the client's contacts on any break-glass sign-in and on any change to Conditional Access.
 */
export class EntraLogMonitoring extends pulumi.ComponentResource {
  public readonly workspaceId: pulumi.Output<string>;

  constructor(name: string, args: EntraLogMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("EntraLogMonitoring", name, entraLogMonitoringProblems(args));
    super("zt-baseline:monitoring:EntraLogMonitoring", name, {}, opts);
    const { resourceGroupName, location } = args;
    const workspace = new Workspace(
      `${name}-workspace`,
      {
        workspaceName: `law-zt-${args.client}`,
        resourceGroupName,
        location,
        retentionInDays: args.retentionInDays,
        sku: { name: "PerGB2018" },
      },
      { parent: this },
    );
    new DiagnosticSetting(
      `${name}-entra-logs`,
      {
        name: `zt-${args.client}-entra-logs`,
        workspaceId: workspace.id,
        logs: LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
      },
      { parent: this },
    );
    const actionGroup = new ActionGroup(
      `${name}-contacts`,
      {
        actionGroupName: `ag-zt-${args.client}`,
        groupShortName: "zt-alerts",
        resourceGroupName,
        location: "Global",
        enabled: true,
        emailReceivers: args.contacts.map((emailAddress, i) => ({
          name: `contact-${i + 1}`,
          emailAddress,
          useCommonAlertSchema: true,
        })),
      },
      { parent: this },
    );
    const alert = (suffix: string, displayName: string, severity: number, query: string) =>
      new ScheduledQueryRule(
        `${name}-${suffix}`,
        {
          ruleName: `zt-${args.client}-${suffix}`,
          displayName,
          resourceGroupName,
          location,
          enabled: true,
          severity,
          scopes: [workspace.id],
          evaluationFrequency: "PT5M",
          windowSize: "PT5M",
          criteria: {
            allOf: [
              {
                query,
                timeAggregation: "Count",
                operator: "GreaterThan",
                threshold: 0,
                failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
              },
            ],
          },
          actions: { actionGroups: [actionGroup.id] },
        },
        { parent: this },
      );
    if (args.breakGlassAccounts.length > 0) {
      const ids = args.breakGlassAccounts.map((a) => `"${a}"`).join(", ");
      // Any sign-in at all: a break-glass account is used only when everything else has failed.
      alert("break-glass-sign-in", "Break-glass account sign-in", 0, `SigninLogs | where UserId in (${ids})`);
    }
    alert(
      "conditional-access-changed",
      "Conditional Access policy changed",
      1,
      'AuditLogs | where Category == "Policy" and OperationName has "conditional access policy"',
    );
    this.workspaceId = workspace.id;
    this.registerOutputs({ workspaceId: this.workspaceId });
  }
}
