import type { ClientProfile } from "../../profile/schema";
import { ResourceIndex } from "../../posture/index-resources";
import type { AccessRule } from "../../posture/model";
import { readCloudflareAccess } from "../../posture/readers/cloudflare-access";
import type { PlannedResource } from "../../posture/resource";
import { heading, plural, table } from "./text";

/** Access section: each app's domain, who may reach it, what they must present, for how long. */
export function renderAccess(profile: ClientProfile, resources: readonly PlannedResource[]): string[] {
  const { access } = profile;
  if (!access) return [heading("ACCESS", "no Cloudflare Access declared (access)")];
  const posture = readCloudflareAccess(new ResourceIndex(resources));
  const lines = [
    heading(
      "ACCESS",
      `Cloudflare Access · team ${access.cloudflare.teamName} · session ceiling ${access.sessionCeiling} · ${plural(posture.apps.length, "app")}`,
    ),
  ];
  const tunnelled = new Set(access.apps.filter((a) => a.tunnel).map((a) => a.domain));
  const rows = posture.apps.map((app) => {
    const allow = app.policies.filter((p) => p.decision === "allow");
    const who = summarize(allow.flatMap((p) => p.include));
    const must = summarize(allow.flatMap((p) => p.require));
    const extras = [
      allow.some((p) => p.approvalRequired) ? "approval" : "",
      allow.some((p) => p.purposeJustificationRequired) ? "justification" : "",
      app.policies.some((p) => p.decision === "non_identity") ? `service tokens` : "",
    ].filter(Boolean);
    return [
      app.domain ?? app.name,
      app.type ?? "",
      `who: ${who}`,
      `must: ${must}${extras.length ? ` + ${extras.join(", ")}` : ""}`,
      `session ${app.sessionMinutes === undefined ? "?" : `${app.sessionMinutes / 60}h`}`,
      tunnelled.has(app.domain ?? "") ? "via tunnel" : "public origin",
    ];
  });
  lines.push(...table(rows));
  for (const t of posture.serviceTokens) {
    lines.push(
      `  service token ${t.name}: expires after ${t.duration === "forever" ? "never" : `${(t.duration ?? 0) / 60}h`}`,
    );
  }
  return lines;
}

/** `azureAd:<id>` x2 and `emailDomain:x` -> "2 Entra groups, 1 e-mail domain". */
function summarize(rules: readonly AccessRule[]): string {
  const counts = new Map<string, number>();
  for (const r of rules) {
    const [kind, value] = r.split(":", 2);
    const label =
      kind === "authMethod" ? `${value}` : kind === "devicePosture" ? "device posture" : (LABELS[kind!] ?? kind!);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return (
    [...counts]
      .map(([label, n]) =>
        label === "mfa" || label === "everyone"
          ? label.toUpperCase()
          : n === 1 && label === "device posture"
            ? label
            : `${n} ${label}`,
      )
      .join(", ") || "nobody"
  );
}

const LABELS: Record<string, string> = {
  azureAd: "Entra group(s)",
  emailDomain: "e-mail domain(s)",
  email: "e-mail(s)",
  group: "Access group(s)",
};
