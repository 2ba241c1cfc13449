import { ProfileError, problemsOf } from "./errors";
import { ClientProfile } from "./schema";

export { ClientProfile, type ClientProfileInput } from "./schema";
export { ProfileError, type ProfileProblem } from "./errors";

/** Validates a raw profile once, at the entry; throws a ProfileError listing every problem. */
export function parseProfile(raw: unknown, source = "profile"): ClientProfile {
  const result = ClientProfile.safeParse(raw);
  if (!result.success) throw new ProfileError(source, problemsOf(result.error));
  return result.data;
}
