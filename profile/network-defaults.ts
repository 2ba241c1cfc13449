/** The one endpoint that is not a tier. */
export const INTERNET = "internet";

/** The default tier model, ordered from the internet inwards; the management tier stands apart. */
export const DEFAULT_TIERS = ["edge", "web", "app", "data", "mgmt"] as const;

/** Ports each well-known tier listens on for the tier in front of it; other tiers get 443. */
export const DEFAULT_TIER_PORTS: Readonly<Record<string, readonly number[]>> = {
  edge: [443],
  web: [443],
  app: [8443],
  data: [5432],
};

/** Web ports the edge may accept from the internet; 80 only when redirects are opted into. */
export const WEB_PORTS = [443] as const;
export const REDIRECT_PORT = 80;

/** What the management tier uses to reach the tiers it administers. */
export const MANAGEMENT_PORTS = [22] as const;
