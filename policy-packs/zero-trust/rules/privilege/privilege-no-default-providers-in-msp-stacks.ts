import type { StackRule } from "../../rule";

/** `urn:pulumi:<stack>::<project>::pulumi:providers:<package>::default[_<version>]::<id>` */
const DEFAULT_PROVIDER = /::pulumi:providers:[^:]+::default(_[\w-]+)?(::|$)/;

export const privilegeNoDefaultProvidersInMspStacks: StackRule = {
  kind: "stack",
  name: "privilege-no-default-providers-in-msp-stacks",
  layer: "privilege",
  description:
    "In an MSP-managed stack every resource uses the client's explicit providers: a default provider deploys with whatever credentials are ambient, possibly another client's.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["nis2-21-2-i", "ztmm-governance"],
  references: ["zt-baseline: per-client isolation (one provider set per client)"],
  remediation: "Pass the client's provider in the resource options ({ provider } or { providers }).",
  uses: ["mspManaged"],
  judge: (posture, s) =>
    !s.mspManaged
      ? []
      : posture.resources
          .filter(
            (r) =>
              r.custom &&
              !r.type.startsWith("pulumi:providers:") &&
              r.provider !== undefined &&
              DEFAULT_PROVIDER.test(r.provider),
          )
          .map((r) => ({
            urn: r.urn,
            message: `${r.type.split(":").pop()} '${r.name}' uses a default provider in an MSP-managed stack: it would deploy with ambient credentials. Pass the client's provider explicitly.`,
          })),
};
