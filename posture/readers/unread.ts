import type { Inventory } from "../../catalog/inventory/classes";
import { CLASS_REASONS, REASONS } from "../../catalog/inventory/reasons";
import inventoryJson from "../../catalog/inventory/types.json";
import type { ResourceIndex } from "../index-resources";
import type { UnreadResource } from "../model";
import { readTypes, unreadTypes } from "./coverage";
import { READERS } from "./index";
import { originOf } from "./origin";

let unread: Map<string, readonly string[]> | undefined;

/**
 * The resource types of the installed providers that can widen and that no reader reads (the
 * backlog of RULES.md "What the pack reads"), with the properties that carry what can widen:
 * computed once, from the inventory, the registry and the reasons.
 */
export function unreadWideningTypes(): ReadonlyMap<string, readonly string[]> {
  if (!unread) {
    const inventory = inventoryJson as Inventory;
    unread = unreadTypes(inventory, readTypes(inventory, READERS, CLASS_REASONS), REASONS);
  }
  return unread;
}

/** The resources of a stack whose type can widen and that no reader reads. */
export const readUnread = (index: ResourceIndex): UnreadResource[] => {
  const types = unreadWideningTypes();
  return index.resources
    .filter((r) => r.custom && types.has(r.type))
    .map((r) => ({ properties: types.get(r.type)!, origin: originOf(r) }));
};
