import { loadStackConfig } from "../sources/stack-config";

/** The smallest profile that must produce a complete baseline. */
export function minimalProfile(): Record<string, any> {
  return {
    client: { name: "fabrikam" },
    identity: {
      tenantId: "8d3e1c5a-4b2f-4e6d-9a7c-1f0e2d3c4b5a",
      breakGlass: { groupId: "2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b" },
    },
  };
}

/** The example client's profile as written in stacks/Pulumi.example.yaml: exercises every section. */
export function exampleProfile(): Record<string, any> {
  return JSON.parse(loadStackConfig("stacks", "example")["zt-baseline:profile"]!);
}
