import * as ec2 from "@pulumi/aws/ec2";
import * as ec2clientvpn from "@pulumi/aws/ec2clientvpn";
import * as cloudflare from "@pulumi/cloudflare";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// Private ranges remote users reach through a VPN or a tunnel: a wide range open to every user of a
// Client VPN is a flat network; per group, or a narrow range, is not; a tunnel's private route is
// advice (the Gateway policies that would narrow it are not read). Real SDKs, both views, no config.

const RULE = "network-remote-access-scoped";

const verdict = useHandWrittenVerdict();

const vpn = (rule: Partial<ec2clientvpn.AuthorizationRuleArgs>) => () =>
  void new ec2clientvpn.AuthorizationRule("staff", {
    clientVpnEndpointId: "cvpn-endpoint-0123456789abcdef0",
    targetNetworkCidr: "10.0.0.0/16",
    ...rule,
  });

const CASES: [string, () => void, "blocked" | "advised" | "clean"][] = [
  ["every VPN user to the VPC's /16", vpn({ authorizeAllGroups: true }), "blocked"],
  ["every VPN user to 10/8", vpn({ authorizeAllGroups: true, targetNetworkCidr: "10.0.0.0/8" }), "blocked"],
  ["every VPN user to everything", vpn({ authorizeAllGroups: true, targetNetworkCidr: "0.0.0.0/0" }), "blocked"],
  [
    "every VPN user to the VPC's range, read from the VPC",
    () => {
      const vpc = new ec2.Vpc("main", { cidrBlock: "10.1.0.0/16" });
      new ec2clientvpn.AuthorizationRule("staff", {
        clientVpnEndpointId: "cvpn-endpoint-0123456789abcdef0",
        targetNetworkCidr: vpc.cidrBlock,
        authorizeAllGroups: true,
      });
    },
    "blocked",
  ],
  [
    "one directory group to the VPC's /16",
    vpn({ accessGroupId: "S-1-5-21-1004336348-1177238915-682003330-512" }),
    "clean",
  ],
  ["every VPN user to one /24", vpn({ authorizeAllGroups: true, targetNetworkCidr: "10.0.3.0/24" }), "advised"],
  [
    "a tunnel's private network route",
    () =>
      void new cloudflare.ZeroTrustTunnelCloudflaredRoute("office", {
        accountId: "0123456789abcdef0123456789abcdef",
        tunnelId: "f70ff985-a4ef-4643-bbbc-4a0ed4fc8415",
        network: "10.20.0.0/16",
      }),
    "advised",
  ],
];

describe.each(["new", "deployed"] as StackMode[])("remote access to private ranges, as a %s stack", (mode) => {
  it.each(CASES)("%s", async (_name, program, expected) => {
    const { blocked, notices } = await verdict(program, mode);
    if (expected === "blocked")
      expect(blocked).toEqual([expect.stringMatching(new RegExp(`^${RULE}: .*flat network`, "s"))]);
    else expect(blocked).toEqual([]);
    if (expected === "advised") expect(notices).toMatch(/lets every user of its (Client VPN|Cloudflare Tunnel) reach/);
    else expect(notices).not.toMatch(/lets every user/);
  });
});
