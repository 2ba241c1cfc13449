import { Provider as AwsProvider } from "@pulumi/aws/provider";
import { Provider as AzureNativeProvider } from "@pulumi/azure-native/provider";
import { Provider as AzureAdProvider } from "@pulumi/azuread/provider";
import { Provider as CloudflareProvider } from "@pulumi/cloudflare/provider";
import type * as pulumi from "@pulumi/pulumi";
import type { ClientProfile } from "../profile/schema";

/**
 * Explicit providers pinned to this client's tenant, account and subscription. Credentials still
 * come from the environment (OIDC, ESC, CLI login), but a wrong login fails instead of deploying
 * one client's baseline into another's tenant.
 */
export function clientProviders(profile: ClientProfile): Record<string, pulumi.ProviderResource> {
  const name = profile.client.name;
  const providers: Record<string, pulumi.ProviderResource> = {
    azuread: new AzureAdProvider(`${name}-azuread`, { tenantId: profile.identity.tenantId }),
  };
  const { aws, azure } = profile.network;
  if (aws) providers.aws = new AwsProvider(`${name}-aws`, { region: aws.region, allowedAccountIds: [aws.accountId] });
  if (azure) {
    providers["azure-native"] = new AzureNativeProvider(`${name}-azure-native`, {
      subscriptionId: azure.subscriptionId,
      tenantId: profile.identity.tenantId,
    });
  }
  if (profile.access) providers.cloudflare = new CloudflareProvider(`${name}-cloudflare`, {});
  return providers;
}
