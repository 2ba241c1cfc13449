/** NSG rule priorities of the Azure tier segmentation (lower wins). */

/** Where allow rules start, and the gap between them: room to insert a rule without renumbering. */
export const ALLOW_PRIORITY_START = 1000;
export const PRIORITY_STEP = 10;
/** Load balancer health probes to the edge, which the explicit deny would otherwise block. */
export const PROBE_PRIORITY = 3900;
/** The explicit deny: the last custom priority, still far above the defaults at 65000+. */
export const DENY_PRIORITY = 4096;
