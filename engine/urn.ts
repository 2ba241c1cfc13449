// Resource URNs as the Pulumi engine makes them. The SDK's mock monitor prefixes a child's type with
// its parent's last type only, the root stack's included (`pulumi:pulumi:Stack$aws:...`), so its
// URNs matched nothing in a real preview, export or import file. The engine's rule
// (pkg/resource/deploy: generateURN, then sdk/go/common/resource: NewURN): a child's qualified
// type is its parent's whole qualified type, `$`, its own type; a parent that is the root stack
// adds nothing.

/** The root stack's type: its children's URNs do not name it. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** A URN's qualified type: the parents' type chain and the type, `$`-separated. */
export const qualifiedTypeOf = (urn: string) => urn.split("::")[2] ?? "";

/** A URN's own type: the qualified type's last part. */
export const typeOfUrn = (urn: string) => qualifiedTypeOf(urn).split("$").pop()!;

/** The URN the engine gives a resource of `type` named `name`, registered with parent `parentUrn`. */
export function engineUrn(stack: string, project: string, parentUrn: string | undefined, type: string, name: string) {
  const chain = parentUrn && typeOfUrn(parentUrn) !== ROOT_STACK_TYPE ? `${qualifiedTypeOf(parentUrn)}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${chain}::${name}`;
}
