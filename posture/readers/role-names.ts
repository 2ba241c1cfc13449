/** The id of a role whose display name matches `name` as Azure and Entra compare names: case-insensitively. */
export const byName = (roles: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.entries(roles).find(([, n]) => n.toLowerCase() === name.toLowerCase())?.[0];
