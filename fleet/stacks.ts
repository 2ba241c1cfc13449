import { existsSync } from "node:fs";
import { listStacks } from "../sources/stack-config";

/**
 * The fleet's client stacks. An empty or missing folder is an error, not an empty green fleet:
 * a mistyped --stacks-dir must never pass CI by checking nothing.
 */
export function fleetStacks(stacksDir: string): string[] {
  if (!existsSync(stacksDir)) {
    throw new Error(`${stacksDir} does not exist: pass --stacks-dir the folder holding the Pulumi.<stack>.yaml files`);
  }
  const stacks = listStacks(stacksDir);
  if (!stacks.length) throw new Error(`no client stacks in ${stacksDir}: expected Pulumi.<stack>.yaml files`);
  return stacks;
}
