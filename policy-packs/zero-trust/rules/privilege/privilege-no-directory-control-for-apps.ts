import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";

export const privilegeNoDirectoryControlForApps: StackRule = {
  // A stack rule: whether a grant's resource is Microsoft Graph, and which name an app role id
  // stands for, are read from the service principals of the stack.
  kind: "stack",
  name: "privilege-no-directory-control-for-apps",
  layer: "privilege",
  description:
    "No application is granted a Microsoft Graph permission that controls the directory (roles, app credentials, group membership, Conditional Access, authentication methods), as an app role or as a delegated permission consented for every user; a permission that cannot be read counts as one; tenant-wide data permissions are advice.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "nis2-21-2-i"],
  references: [
    "CISA SCuBA MS.AAD.5 (ScubaGear RiskyAppPermissions: Critical)",
    "Microsoft: Graph permissions reference (RoleManagement.ReadWrite.Directory)",
    "Microsoft: grant tenant-wide admin consent to an application",
  ],
  remediation:
    "Grant the narrowest Graph permission the app needs (e.g. User.Read.All), consent delegated permissions per user rather than for all, or run the task as a person with an eligible role.",
  uses: [],
  judge: (posture) =>
    posture.privilege.grants
      .filter((g) => g.kind === "graph-app-role" || g.kind === "graph-delegated")
      .flatMap((g): Finding[] => {
        const delegated = g.kind === "graph-delegated";
        const everyone = g.scope === "every user";
        const who = `${resourceName(g.origin)} grants ${g.principal}`;
        const what = delegated
          ? `the delegated Graph permission ${g.permission} for ${everyone ? "every user (admin consent)" : g.scope}`
          : `the Graph app role ${g.permission}`;
        // Held through a group or as an app's owner: the finding is on the membership or ownership.
        if (g.via && (g.reach === "admin" || g.reach === "unknown"))
          return [
            {
              urn: g.origin.urn,
              message: `${resourceName(g.origin)} gives ${g.principal} ${g.reach === "unknown" ? "an app role that cannot be read (judged as one that controls the directory)" : what}, through ${g.via}. Remove the owner or member, or grant the app a narrower permission.`,
            },
          ];
        if (g.reach === "admin")
          return [
            delegated && !everyone
              ? {
                  urn: g.origin.urn,
                  notice: true,
                  message: `${who} ${what}: with it the app does in the directory whatever that user may. Consent it only if the user holds no administrative role.`,
                }
              : {
                  urn: g.origin.urn,
                  message: delegated
                    ? `${who} ${what}: with it the app acts in the directory as anyone who signs in to it, administrators included, with no prompt. Consent a narrower permission, or consent per user.`
                    : `${who} ${what}, with which an app makes itself or anyone an administrator. Grant a narrower permission.`,
                },
          ];
        if (g.reach === "data")
          return [
            {
              urn: g.origin.urn,
              notice: true,
              message: `${who} ${delegated ? what : g.permission}: every mailbox, file or site in the tenant${delegated ? " its users can reach" : ""}. Scope it (application access policies, Sites.Selected) if the app needs less.`,
            },
          ];
        if (g.reach === "unknown")
          return [
            {
              urn: g.origin.urn,
              message: delegated
                ? `${who} delegated Graph permissions that cannot be read (claimValues not known until apply), so they are judged as ones that control the directory. Write the permission names as literals.`
                : `${who} an app role that cannot be read (appRoleId not known until apply, on Microsoft Graph or an API the pack cannot tell), so it is judged as one that controls the directory. Name it by its id: a literal, or the appRoleIds of the service principal data source (getServicePrincipal), known at preview.`,
            },
          ];
        return [];
      }),
};
