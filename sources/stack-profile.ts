import { parseProfile, ProfileError } from "../profile";
import { OPAQUE_SECRET } from "../posture/values";
import type { ClientProfile } from "../profile/schema";
import { configNamespace, profileKey } from "./project";
import { loadStackConfig, stackFile } from "./stack-config";

/**
 * The profile in a stack's flat config, under its project's key (`<project>:profile`). A stack
 * without one is told the key to set, and which other project's key it holds instead, if any.
 */
export function profileFromConfig(config: Record<string, string>, project: string, source: string): ClientProfile {
  const key = profileKey(project);
  const raw = config[key];
  if (raw === undefined) {
    const other = Object.keys(config).find((k) => k.endsWith(":profile"));
    const hint = other ? `; it holds ${other}, the key of a project named "${other.split(":")[0]}"` : "";
    throw new ProfileError(source, [{ path: key, message: `missing: set ${key} in the stack's config${hint}` }]);
  }
  if (raw === OPAQUE_SECRET) {
    throw new ProfileError(source, [
      {
        path: key,
        message:
          "is encrypted (secure) in the stack file, and zt plans without decrypting: keep the profile plain and put each credential in a secret key of its own (monitoring.cloudflareLogpush.destinationFromSecret)",
      },
    ]);
  }
  // Structured config reaches the program as JSON text; anything else is a plain string.
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
    throw new ProfileError(source, [
      {
        path: key,
        message: `is the string ${shown}, not a profile: a mapping with client, identity and the other sections (docs/configuration.md)`,
      },
    ]);
  }
  return parseProfile(value, source);
}

/** A stack's validated profile; errors name the stack file and the path inside the profile. */
export function loadStackProfile(stacksDir: string, stack: string): ClientProfile {
  return profileFromConfig(loadStackConfig(stacksDir, stack), configNamespace(stacksDir), stackFile(stacksDir, stack));
}
