import { ResourceIndex } from "./index-resources";
import type { Posture } from "./model";
import { readCloudflareAccess } from "./readers/cloudflare-access";
import { readConditionalAccess } from "./readers/entra-conditional-access";
import { readNetwork } from "./readers/network";
import { readPrivilege } from "./readers/privilege";
import { readUnread } from "./readers/unread";
import { asAnalyzed, type PlannedResource } from "./resource";

/**
 * The posture of a set of resources, read as `AnalyzeStack` sees them (outputs once the provider
 * has answered); each layer is read on first use and then kept.
 */
export function postureOf(resources: readonly PlannedResource[]): Posture {
  const index = new ResourceIndex(resources.map(asAnalyzed));
  const cache: Partial<Posture> = {};
  const layer = <K extends keyof Posture>(key: K, read: (i: ResourceIndex) => Posture[K]) =>
    (cache[key] ??= read(index));
  return {
    resources,
    get identity() {
      return layer("identity", readConditionalAccess);
    },
    get network() {
      return layer("network", readNetwork);
    },
    get access() {
      return layer("access", readCloudflareAccess);
    },
    get privilege() {
      return layer("privilege", readPrivilege);
    },
    get unread() {
      return layer("unread", readUnread);
    },
  };
}
