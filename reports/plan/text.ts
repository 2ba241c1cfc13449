/** Small text helpers shared by the plan's sections. */

export function table(rows: readonly (readonly string[])[], indent = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
  );
}

export function heading(title: string, detail?: string): string {
  return detail ? `\n${title}  ${detail}` : `\n${title}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function shortId(id: string): string {
  return /^[0-9a-f-]{36}$/i.test(id) ? `${id.slice(0, 8)}…` : id;
}

/** The last segment of a type token: `azuread:index/namedLocation:NamedLocation` -> `NamedLocation`. */
export function typeName(type: string): string {
  return type.split(":").pop() ?? type;
}
