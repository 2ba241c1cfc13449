import { ProfileError, problemsOf } from "./errors";
import { ClientProfile } from "./schema";

export { ClientProfile, type ClientProfileInput } from "./schema";
export { ProfileError, type ProfileProblem } from "./errors";

/**
 * The last profile validated, by its text: an offline plan validates the profile before the
 * program runs, then the program reads the same config again; the second read costs nothing.
 */
let last: { text: string; profile: ClientProfile } | undefined;

/** Validates a raw profile once, at the entry; throws a ProfileError listing every problem. */
export function parseProfile(raw: unknown, source = "profile"): ClientProfile {
  const text = JSON.stringify(raw);
  if (last && text !== undefined && last.text === text) return structuredClone(last.profile);
  const result = ClientProfile.safeParse(raw);
  if (!result.success) throw new ProfileError(source, problemsOf(result.error));
  last = { text, profile: structuredClone(result.data) };
  return result.data;
}
