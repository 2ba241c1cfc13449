import type { ServiceOpening } from "../model";
import type { ResourceIndex } from "../index-resources";
import { isUnknown, listEntries, obj, str } from "../values";
import { originOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

/**
 * The key under which an Azure service's private endpoint connection holds its approval state: on
 * the connection's own arguments (every `*PrivateEndpointConnection` type of azure-native, at the top
 * level or under `properties`), or on each entry of a service's inline `privateEndpointConnections`.
 * A private endpoint's own connection requests (`privateLinkServiceConnections`) are not approvals.
 */
const STATE_KEY = /^privateLinkServiceConnectionState$/;

/**
 * Reads the private endpoint connections a stack approves on its services: an approved connection
 * admits the endpoint's virtual network (another tenant's, when the endpoint is not the stack's)
 * into the service. Approval that cannot be read is approval (posture/unknown.ts: public-flag);
 * pending, rejected and removed admit nothing.
 */
export function readPrivateEndpointConnections(index: ResourceIndex): ServiceOpening[] {
  return index.resources.flatMap((r): ServiceOpening[] => {
    const own = r.inputs.privateLinkServiceConnectionState !== undefined ? r.inputs : obj(r.inputs.properties);
    // A service may also list its connections inline (`privateEndpointConnections`), each with its state.
    const inline = listEntries(
      r.inputs.privateEndpointConnections ?? obj(r.inputs.properties).privateEndpointConnections,
    )
      .map(obj)
      .map((c) => (c.privateLinkServiceConnectionState !== undefined ? c : obj(c.properties)));
    const service = r.type
      .split(":")
      .slice(1)
      .join(" ")
      .replace(/PrivateEndpointConnection\w*$/, "")
      .trim();
    return [own, ...inline]
      .filter(
        (holder) =>
          holder.privateLinkServiceConnectionState !== undefined && approved(holder.privateLinkServiceConnectionState),
      )
      .map((holder) => ({
        service: `${service} (private endpoint connection)`,
        admits: {
          kind: "private-endpoint",
          connection: str(holder.privateEndpointConnectionName) ?? str(holder.name) ?? r.name,
        },
        explicit: true,
        origin: originOf(r),
      }));
  });
}

/** Approved, or an approval state that cannot be read (posture/unknown.ts: public-flag). */
function approved(state: unknown): boolean {
  const status = obj(state).status;
  return isUnknown(state) || isUnknown(status) || /^approved$/i.test(str(status) ?? "");
}

export const READER: ReaderDeclaration = {
  name: "private-endpoint-connections",
  feeds: { "network.services": [] },
  readsProperties: [STATE_KEY],
};
