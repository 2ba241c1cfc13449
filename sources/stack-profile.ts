import { parseProfile } from "../profile";
import type { ClientProfile } from "../profile/schema";
import { configNamespace, profileKey } from "./project";
import { loadStackConfig, stackFile } from "./stack-config";

/** A stack's validated profile; errors name the stack file and the path inside the profile. */
export function loadStackProfile(stacksDir: string, stack: string): ClientProfile {
  const raw = loadStackConfig(stacksDir, stack)[profileKey(configNamespace(stacksDir))];
  return parseProfile(raw === undefined ? undefined : JSON.parse(raw), stackFile(stacksDir, stack));
}
