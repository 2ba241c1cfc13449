import type { Finding, ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const privilegeNoDirectoryControlForApps: ResourceRule = {
  kind: "resource",
  name: "privilege-no-directory-control-for-apps",
  layer: "privilege",
  description:
    "No application is granted a Microsoft Graph app role that controls the directory (roles, app credentials, Conditional Access, authentication methods); tenant-wide data roles are advice.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "nis2-21-2-i"],
  references: [
    "CISA SCuBA MS.AAD.5 (ScubaGear RiskyAppPermissions: Critical)",
    "Microsoft: Graph permissions reference (RoleManagement.ReadWrite.Directory)",
  ],
  remediation:
    "Grant the narrowest Graph permission the app needs (e.g. User.Read.All), or run the task as a person with an eligible role.",
  uses: [],
  reads: ["privilege.grants"],
  judge: (posture) =>
    posture.privilege.grants
      .filter((g) => g.kind === "graph-app-role")
      .flatMap((g): Finding[] => {
        const who = `${resourceName(g.origin)} grants ${g.principal}`;
        if (g.reach === "admin")
          return [
            {
              urn: g.origin.urn,
              message: `${who} the Graph app role ${g.permission}, with which an app makes itself or anyone an administrator. Grant a narrower permission.`,
            },
          ];
        if (g.reach === "data")
          return [
            {
              urn: g.origin.urn,
              notice: true,
              message: `${who} ${g.permission}: every mailbox, file or site in the tenant. Scope it (application access policies, Sites.Selected) if the app needs less.`,
            },
          ];
        if (g.reach === "unknown")
          return [
            {
              urn: g.origin.urn,
              notice: true,
              message: `${who} an app role not known until apply: judged once deployed (zt check).`,
            },
          ];
        return [];
      }),
};
