/**
 * Each command's work, loaded when the command runs: `zt --help`, `--version` and the light
 * commands load no Pulumi. `require`, not `import()`: this is a CommonJS package, and a native
 * `import()` of it goes through Node's ESM loader, which running from sources also needs tsx's
 * ESM hooks for (a loader thread, ~0.5 s of CPU per process); `require` needs only its CJS hook.
 * The types come from `typeof import(...)`, which loads nothing.
 */
export const actions = {
  check: () => require("./actions/check") as typeof import("./actions/check"),
  diff: () => require("./actions/diff") as typeof import("./actions/diff"),
  fleet: () => require("./actions/fleet") as typeof import("./actions/fleet"),
  fleetDeploy: () => require("./actions/fleet-deploy") as typeof import("./actions/fleet-deploy"),
  init: () => require("./actions/init") as typeof import("./actions/init"),
  lock: () => require("./actions/lock") as typeof import("./actions/lock"),
  newClient: () => require("./actions/new-client") as typeof import("./actions/new-client"),
  plan: () => require("./actions/plan") as typeof import("./actions/plan"),
  policyConfig: () => require("./actions/policy-config") as typeof import("./actions/policy-config"),
  scubaConfig: () => require("./actions/scuba-config") as typeof import("./actions/scuba-config"),
  whatif: () => require("./actions/whatif") as typeof import("./actions/whatif"),
};
