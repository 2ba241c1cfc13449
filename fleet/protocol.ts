import type { PlannedResource } from "../posture/resource";
import type { ClientProfile } from "../profile/schema";

export interface WorkerRequest {
  readonly stacksDir: string;
  readonly stack: string;
  /** The program file to plan (the project's entry, or `--program`). */
  readonly program: string;
}

export type WorkerResponse =
  | {
      readonly stack: string;
      readonly ok: true;
      readonly profile: ClientProfile;
      readonly resources: readonly PlannedResource[];
    }
  | { readonly stack: string; readonly ok: false; readonly error: string };
