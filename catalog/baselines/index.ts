import { J0EYV } from "./j0eyv";
import { KENNETH_VAN_SURKSUM } from "./kenneth-van-surksum";
import { MICROSOFT_PERSONAS } from "./microsoft-personas";
import { MICROSOFT_TEMPLATES } from "./microsoft-templates";
import type { Baseline } from "./types";

export type { Baseline, BaselinePolicy } from "./types";

/**
 * The public Conditional Access baselines administrators compare against, every policy answered by
 * the catalog's controls or a reason. docs/baselines.md renders them.
 */
export const BASELINES: readonly Baseline[] = [KENNETH_VAN_SURKSUM, J0EYV, MICROSOFT_TEMPLATES, MICROSOFT_PERSONAS];
