// One no-op stack policy and one no-op resource policy: the server's own cost, nothing else.
const { PolicyPack } = require("@pulumi/policy");

new PolicyPack("noop", {
  policies: [
    { name: "noop-stack", description: "does nothing", enforcementLevel: "mandatory", validateStack: () => {} },
    { name: "noop-resource", description: "does nothing", enforcementLevel: "mandatory", validateResource: () => {} },
  ],
});
