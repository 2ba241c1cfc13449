import * as keyvault from "@pulumi/azure-native/keyvault";
import * as storage from "@pulumi/azure-native/storage";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { postureOf } from "../../posture/build";
import { handWritten } from "../pack-harness";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// Approving a private endpoint connection admits the endpoint's virtual network into the service:
// read on every azure-native `*PrivateEndpointConnection` type by its approval state (no list of
// types), and advised; a pending or rejected connection admits nothing. Real SDKs, both views.

const verdict = useHandWrittenVerdict();

const CASES: [string, () => void, boolean][] = [
  [
    "a storage account's connection, approved",
    () =>
      void new storage.PrivateEndpointConnection("partner", {
        resourceGroupName: "rg",
        accountName: "contosodata",
        privateEndpointConnectionName: "partner-pe",
        privateLinkServiceConnectionState: { status: "Approved", description: "partner analytics" },
      }),
    true,
  ],
  [
    "a Key Vault's connection, approved in lower case",
    () =>
      void new keyvault.PrivateEndpointConnection("partner", {
        resourceGroupName: "rg",
        vaultName: "contoso-kv",
        privateEndpointConnectionName: "partner-pe",
        privateLinkServiceConnectionState: { status: "approved" },
      }),
    true,
  ],
  [
    "a Key Vault's connection, rejected",
    () =>
      void new keyvault.PrivateEndpointConnection("partner", {
        resourceGroupName: "rg",
        vaultName: "contoso-kv",
        privateEndpointConnectionName: "partner-pe",
        privateLinkServiceConnectionState: { status: "Rejected" },
      }),
    false,
  ],
];

describe.each(["new", "deployed"] as StackMode[])("private endpoint connections, as a %s stack", (mode) => {
  it.each(CASES)("%s", async (_name, program, advised) => {
    const { blocked, notices } = await verdict(program, mode);
    expect(blocked).toEqual([]);
    if (advised) expect(notices).toMatch(/approves the private endpoint connection 'partner-pe'/);
    else expect(notices).not.toMatch(/private endpoint connection/);
  });
});

describe("a service's inline connections", () => {
  it("are read as the connection resources are: approved admits, pending does not", () => {
    const resource = handWritten("azure-native:powerbi:PowerBIResource", "bi", {
      resourceGroupName: "rg",
      privateEndpointConnections: [
        { name: "partner-pe", privateLinkServiceConnectionState: { status: "Approved" } },
        { name: "pending-pe", privateLinkServiceConnectionState: { status: "Pending" } },
      ],
    });
    expect(postureOf([resource]).network.services.map((s) => s.admits)).toEqual([
      { kind: "private-endpoint", connection: "partner-pe" },
    ]);
  });
});
