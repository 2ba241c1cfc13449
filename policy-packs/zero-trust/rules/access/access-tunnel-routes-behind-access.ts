import type { AccessAppPosture, TunnelRoute } from "../../../../posture/model";
import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";

/** Origin services that administer a host or carry raw TCP: never published without Access. */
const ADMIN_SERVICE = /^(ssh|rdp|tcp|smb|socks5|unix|unix\+tls):/i;

/** True when an Access app destination (`host`, `host/path`, `*.zone`) covers this hostname and path. */
function covers(destination: string, hostname: string, path: string | undefined): boolean {
  const [host = "", ...rest] = destination.replace(/^https?:\/\//i, "").split("/");
  const appPath = rest.length ? `/${rest.join("/")}` : "";
  const h = hostname.toLowerCase();
  const d = host.toLowerCase();
  const hostMatches = d.startsWith("*.") ? h.endsWith(d.slice(1)) : h === d;
  const routePath = path ? `/${path.replace(/^\^?\/?/, "")}` : "";
  return hostMatches && (appPath === "" || (routePath !== "" && routePath.startsWith(appPath)));
}

function judge(apps: readonly AccessAppPosture[], r: TunnelRoute): Finding | undefined {
  if (/^http_status:/i.test(r.service) || r.accessRequired) return undefined;
  const where = r.hostname ?? "every hostname routed to the tunnel (catch-all rule)";
  if (r.hostname && apps.some((a) => a.domains.some((d) => covers(d, r.hostname!, r.path)))) return undefined;
  const who = resourceName(r.origin);
  return ADMIN_SERVICE.test(r.service)
    ? {
        urn: r.origin.urn,
        message: `${who} publishes ${r.service} at ${where} with no Access application in front: anyone who finds the hostname reaches it. Add a self-hosted Access app for the hostname (or originRequest.access.required).`,
      }
    : {
        urn: r.origin.urn,
        notice: true,
        message: `${who} publishes ${r.service} at ${where} with no Access application: right for a public site, an open door otherwise. Add an Access app for the hostname.`,
      };
}

export const accessTunnelRoutesBehindAccess: StackRule = {
  // A stack rule: a tunnel's routes are judged against the Access applications of the whole stack.
  kind: "stack",
  name: "access-tunnel-routes-behind-access",
  layer: "access",
  description:
    "A Cloudflare Tunnel publishes SSH, RDP or raw TCP only behind an Access application (or cloudflared's own Access check); a web origin without one is advice.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-apps-access", "nist-207-t6"],
  references: ["Cloudflare: Connect private networks / Secure a tunnel with Access (self-hosted applications)"],
  remediation:
    "Create a self-hosted Access application for the tunnel's hostname with an allow policy that requires MFA, or set originRequest.access.required with the app's audience tag.",
  uses: [],
  judge: (posture) =>
    posture.access.routes.map((r) => judge(posture.access.apps, r)).filter((f): f is Finding => f !== undefined),
};
