import { ancestors, type PlannedResource } from "../../posture/resource";
import { heading, plural, table, typeName } from "./text";

/** Resource counts per component, then per type: what `pulumi up` would create. */
export function renderResourceSummary(resources: readonly PlannedResource[]): string[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const custom = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
  const providers = resources.filter((r) => r.type.startsWith("pulumi:providers:"));
  const perComponent = new Map<string, Map<string, number>>();
  for (const r of custom) {
    const owner = ancestors(r, byUrn).find((a) => !a.custom && a.type !== "pulumi:pulumi:Stack");
    const key = owner ? `${typeName(owner.type)} ${owner.name}` : "(stack)";
    const counts = perComponent.get(key) ?? new Map<string, number>();
    counts.set(typeName(r.type), (counts.get(typeName(r.type)) ?? 0) + 1);
    perComponent.set(key, counts);
  }
  const rows = [...perComponent].map(([component, counts]) => [
    component,
    String([...counts.values()].reduce((a, b) => a + b, 0)),
    [...counts].map(([t, n]) => `${n} ${t}`).join(", "),
  ]);
  return [
    heading(
      "RESOURCES",
      `${plural(custom.length, "resource")} in ${plural(perComponent.size, "component")}, ${plural(providers.length, "explicit provider")} (${providers.map((p) => typeName(p.type)).join(", ")})`,
    ),
    ...table(rows),
  ];
}
