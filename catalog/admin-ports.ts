/** Ports that administer a host: never reachable from the internet, only through ZTNA. */
export const ADMIN_PORTS = [
  { port: 22, name: "SSH" },
  { port: 3389, name: "RDP" },
] as const;
