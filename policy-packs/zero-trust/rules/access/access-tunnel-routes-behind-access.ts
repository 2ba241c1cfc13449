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

/**
 * An app enforces Access on its hostnames when its type puts Access in front of a hostname
 * (self-hosted, SSH, VNC, RDP: not a bookmark, a SaaS app or a launcher) and it has a policy that
 * lets someone in by checking them (allow, or non_identity for service tokens): an app whose only
 * policies bypass, deny or are outside the stack shows nothing enforced.
 */
const enforces = (a: AccessAppPosture) =>
  a.guardsHostnames && a.policies.some((p) => p.decision === "allow" || p.decision === "non_identity");

/** Why the apps that name this hostname do not cover it, as a clause; undefined when none names it. */
function lookAlikes(apps: readonly AccessAppPosture[], r: TunnelRoute): string | undefined {
  const naming = apps.filter((a) => r.hostname && a.domains.some((d) => covers(d, r.hostname!, r.path)));
  if (naming.length === 0) return undefined;
  return naming
    .map((a) =>
      !a.guardsHostnames
        ? `'${a.name}' is a ${a.type ?? "(type unreadable)"} application, which does not guard the hostname`
        : a.policiesOutside.length > 0
          ? `'${a.name}' has no allow policy in the stack (its policies ${a.policiesOutside.join(", ")} are not declared here)`
          : a.policies.length === 0
            ? `'${a.name}' has no policy`
            : `'${a.name}' has no allow policy (only ${a.policies.map((p) => p.decision).join(", ")})`,
    )
    .join("; ");
}

function judge(apps: readonly AccessAppPosture[], r: TunnelRoute): Finding | undefined {
  if (/^http_status:/i.test(r.service) || r.accessRequired) return undefined;
  const where = r.hostname ?? "every hostname routed to the tunnel (catch-all rule)";
  if (r.hostname && apps.filter(enforces).some((a) => a.domains.some((d) => covers(d, r.hostname!, r.path))))
    return undefined;
  const who = resourceName(r.origin);
  const but = lookAlikes(apps, r);
  return ADMIN_SERVICE.test(r.service)
    ? {
        urn: r.origin.urn,
        message: `${who} publishes ${r.service} at ${where} with no Access application in front${but ? ` that enforces (${but})` : ""}: anyone who finds the hostname reaches it. Add a self-hosted Access app for the hostname with an allow policy (or originRequest.access.required).`,
      }
    : {
        urn: r.origin.urn,
        notice: true,
        message: `${who} publishes ${r.service} at ${where} with no Access application${but ? ` that enforces (${but})` : ""}: right for a public site, an open door otherwise. Add an Access app for the hostname.`,
      };
}

export const accessTunnelRoutesBehindAccess: StackRule = {
  // A stack rule: a tunnel's routes are judged against the Access applications of the whole stack.
  kind: "stack",
  name: "access-tunnel-routes-behind-access",
  layer: "access",
  description:
    "A Cloudflare Tunnel publishes SSH, RDP or raw TCP only behind an Access application that enforces on the hostname (a self-hosted, SSH, VNC or RDP app with an allow or service-auth policy: not a bookmark, a SaaS app, or an app that only bypasses) or cloudflared's own Access check; a web origin without one is advice.",
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
