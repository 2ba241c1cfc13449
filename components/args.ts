import { AWS_ACCOUNT_ID_PATTERN, GUID_PATTERN, SLUG_PATTERN } from "../catalog/well-known-ids";

/** One thing wrong with a component's args: where (`flows[1].to`) and what, as a sentence. */
export interface ArgProblem {
  readonly path: string;
  readonly message: string;
}

/** A component refused its args: nothing of it was registered. */
export class ComponentArgsError extends Error {
  constructor(
    readonly component: string,
    readonly resourceName: string,
    readonly problems: readonly ArgProblem[],
  ) {
    super(
      `${component} '${resourceName}' refused its args (nothing registered):\n` +
        problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n"),
    );
    this.name = "ComponentArgsError";
  }
}

/** Throws before anything registers when the component's own checks found problems. */
export function refuseInvalidArgs(component: string, name: string, problems: readonly ArgProblem[]): void {
  if (problems.length > 0) throw new ComponentArgsError(component, name, problems);
}

/** A problem when one object id (a group, a tenant, a principal) is not a GUID. */
export const guidProblem = (path: string, id: string): ArgProblem[] =>
  GUID_PATTERN.test(id) ? [] : [{ path, message: `"${id}" is not an object id (a GUID)` }];

/** Problems of a list of object ids (break-glass accounts, principals): each must be a GUID. */
export function guidProblems(path: string, ids: readonly string[]): ArgProblem[] {
  return ids.flatMap((id, i) => guidProblem(`${path}[${i}]`, id));
}

/** `client` names resources and tags; it must stay a stable kebab-case slug. */
export function clientProblems(client: string): ArgProblem[] {
  return SLUG_PATTERN.test(client)
    ? []
    : [{ path: "client", message: `"${client}" is not lower-case kebab-case (2-40 characters)` }];
}

/** A problem when an AWS account id is not one (twelve digits). */
export const awsAccountProblem = (path: string, id: string): ArgProblem[] =>
  AWS_ACCOUNT_ID_PATTERN.test(id) ? [] : [{ path, message: `"${id}" is not an AWS account id (12 digits)` }];
