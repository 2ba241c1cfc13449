import type { PlannedResource } from "../posture/resource";

/** `n` copies of a plan's resources as if `n` clients were planned into one stack (distinct URNs). */
export function replicate(resources: readonly PlannedResource[], client: string, n: number): PlannedResource[] {
  const out: PlannedResource[] = [];
  for (let i = 0; i < n; i++) {
    const rename = (s: string) =>
      s.replaceAll(`::${client}`, `::${client}${i}`).replaceAll(`$${client}`, `$${client}${i}`);
    for (const r of resources) {
      if (i > 0 && r.type === "pulumi:pulumi:Stack") continue;
      out.push({
        ...r,
        urn: rename(r.urn),
        name: r.name.startsWith(client) ? `${client}${i}${r.name.slice(client.length)}` : r.name,
        parent: r.parent && rename(r.parent),
        dependencies: r.dependencies.map(rename),
        propertyDependencies: Object.fromEntries(
          Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map(rename)]),
        ),
      });
    }
  }
  return out;
}
