/** Tag every security group, NSG and ASG carries: the pack reads it, on hand-written stacks too. */
export const TIER_TAG = "zt:tier";
/** Tag naming the client a resource belongs to. */
export const CLIENT_TAG = "zt:client";
