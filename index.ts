// zt-baseline's public API: `import { ZeroTrustBaseline, parseProfile } from "zt-baseline"`.
// Everything here is also reachable by the subpaths in package.json `exports`.

// The client profile: one zod schema, validated once.
export { parseProfile, ClientProfile, ProfileError } from "./profile";
export type { ClientProfileInput, ProfileProblem } from "./profile";

// The whole baseline from a profile, and the program that reads it from stack config.
export { ZeroTrustBaseline, type ZeroTrustBaselineArgs } from "./components/zero-trust-baseline";
export { declareBaseline, readProfile } from "./program/main";
export { clientProviders } from "./program/providers";

// Each component, usable alone: its args are checked on their own, and refused (nothing registered)
// with a ComponentArgsError that names each problem's path.
export { ComponentArgsError, type ArgProblem } from "./components/args";
export {
  ConditionalAccessBaseline,
  type ConditionalAccessBaselineArgs,
} from "./components/identity/conditional-access-baseline";
export { PrivilegedAccess, type PrivilegedAccessArgs } from "./components/identity/privileged-access";
export { AwsMfaEnforcement, type AwsMfaEnforcementArgs } from "./components/mfa/aws-mfa-enforcement";
export { AwsTierSegmentation, type AwsTierSegmentationArgs } from "./components/network/aws-tier-segmentation";
export { AzureTierSegmentation, type AzureTierSegmentationArgs } from "./components/network/azure-tier-segmentation";
export { ZeroTrustApp, type ZeroTrustAppArgs } from "./components/access/zero-trust-app";
export { AwsMonitoring, type AwsMonitoringArgs } from "./components/monitoring/aws-monitoring";
export { EntraLogMonitoring, type EntraLogMonitoringArgs } from "./components/monitoring/entra-log-monitoring";
export { CloudflareLogpush, type CloudflareLogpushArgs } from "./components/monitoring/cloudflare-logpush";

// The Conditional Access catalog.
export { CONTROLS } from "./catalog/controls";
export type { ControlDefinition, Licence } from "./catalog/control";
