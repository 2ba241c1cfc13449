import type { Endpoint, GroupAssociation, NetworkSpace, Origin, SubnetPlacement } from "../model";
import type { ResourceIndex, ResolvedRefs } from "../index-resources";
import type { PlannedResource } from "../resource";
import { isUnknown, listEntries, obj, plain, str, strs } from "../values";
import { isCidr } from "../cidr";
import { AWS } from "./aws-network";
import { AZURE } from "./azure-network";
import { AZURE_PLACEMENT_KEY, HOST_ASSOCIATIONS, HOSTS } from "./hosts";
import { eachInputKey } from "./input-keys";
import { endpointsOf, originOf, tierTag } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const SUBNETS = {
  vpc: "aws:ec2/vpc:Vpc",
  vpcCidr: "aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation",
  awsSubnet: "aws:ec2/subnet:Subnet",
  vnet: "azure-native:network:VirtualNetwork",
  subnet: "azure-native:network:Subnet",
  classicVnet: "azure:network/virtualNetwork:VirtualNetwork",
  classicSubnet: "azure:network/subnet:Subnet",
  /** Puts a subnet under an NSG: whichever of it and the subnet's own NSG applies last wins. */
  classicSubnetNsg: "azure:network/subnetNetworkSecurityGroupAssociation:SubnetNetworkSecurityGroupAssociation",
  classicNic: "azure:network/networkInterface:NetworkInterface",
  /** Puts one interface under an NSG, on top of its subnet's. */
  classicNicNsg: "azure:network/networkInterfaceSecurityGroupAssociation:NetworkInterfaceSecurityGroupAssociation",
} as const;

const VPC_TYPES = [SUBNETS.vpc];
const VNET_TYPES = [SUBNETS.vnet, SUBNETS.classicVnet];
const SUBNET_RESOURCES = [SUBNETS.awsSubnet, SUBNETS.subnet, SUBNETS.classicSubnet];
const NSG_TYPES = [AZURE.nsg, AZURE.classicNsg];
const AWS_GROUPS = [AWS.securityGroup, AWS.defaultSecurityGroup];
const ASG_TYPES = [AZURE.asg, AZURE.classicAsg];

/**
 * Input keys, at any depth, under which an Azure workload names the subnet it is placed in (and so
 * the NSG over it): an IP configuration's `subnet: { id }`, `subnetId`, `subnetIds`, an AKS pool's
 * `vnetSubnetID`/`podSubnetID`, App Service's `virtualNetworkSubnetId`, `subnetResourceId`,
 * `infrastructureSubnetId`, a delegated subnet's `delegatedSubnetId`... A subnet named by its name
 * only (`labSubnetName`, a failover's `targetSubnetName`) is not read: it pins no subnet.
 */
export const AZURE_SUBNET_KEY =
  /^(?!privateEndpoint|privateLink|vnetSubnetResource)(subnet|subnetIds?|subnetID|subnetResourceId|\w+Subnet(Id|ID|Ids|ResourceId)?)$/;
/** The key under which an Azure workload's own interface configuration names its NSG. */
export const AZURE_WORKLOAD_NSG_KEY = /^networkSecurityGroup$/;
/** The key under which a VM names the interfaces it runs on. */
const AZURE_INTERFACES_KEY = /^networkInterfaces$/;
/**
 * Subtrees whose subnets are not the workload's placement: a private endpoint's or a private link
 * service's (its own family, read by the private endpoint readers), a service endpoint firewall's
 * rules and access restrictions (a peer admitted, not a placement).
 */
const NOT_PLACEMENT_SUBTREE =
  /^(privateEndpoint\w*|privateLink\w*|virtualNetworkRules|\w*[iI]pSecurityRestrictions|\w*NetworkRuleSets?)$/;

/**
 * The azure-native types whose subnet keys place a workload: every one but the network plumbing of
 * the `network` module (gateways, load balancers, firewalls, private endpoints: families of their
 * own; a container NetworkProfile is a workload's), firewall rules that name a subnet as a peer
 * (`*VirtualNetworkRule`, `*NetworkRuleSet`), DNS resolver endpoints (with the private endpoints'
 * family), AWS resources mirrored by the AWS connector (AWS subnet ids), and networks where no NSG
 * applies (Azure Stack HCI, network functions on Azure Local, VMware private clouds).
 */
export const isAzureWorkloadType = (type: string): boolean =>
  type.startsWith("azure-native:") &&
  !/^azure-native:(network:(?!NetworkProfile$)|dnsresolver:|awsconnector:|azurestackhci:|hybridnetwork:|avs:|vmwarecloudsimple:)/.test(
    type,
  ) &&
  !/(VirtualNetworkRule|NetworkRuleSet)$/.test(type);

interface Placement {
  cloud: "aws" | "azure";
  kind: "subnet" | "interface";
  subnet: string;
  name: string;
  network?: string;
  prefixes: string[];
  tiers: Set<string>;
  associations: GroupAssociation[];
  origin: Origin;
}

/** Known address texts of a single value and a list (unknown entries dropped: they place nothing). */
const prefixesOf = (...values: unknown[]): string[] =>
  values.flatMap((v) => (Array.isArray(v) || isUnknown(v) ? strs(v) : strs([v]))).filter(isCidr);

/** A subnet's name and its network's, from an Azure subnet id (`.../virtualNetworks/<vnet>/subnets/<name>`). */
function namesInId(id: string): { vnet: string; subnet: string } | undefined {
  const m = /\/virtualnetworks\/([^/]+)\/subnets\/([^/]+)\/?$/i.exec(id);
  return m ? { vnet: m[1]!.toLowerCase(), subnet: m[2]!.toLowerCase() } : undefined;
}

/** References grouped by the top-level property they sit under (what property dependencies are keyed by). */
const byProperty = (refs: readonly [string, unknown][]): [string, unknown[]][] => {
  const out = new Map<string, unknown[]>();
  for (const [property, value] of refs) out.set(property, [...(out.get(property) ?? []), value]);
  return [...out];
};

/** One value or a list's entries (an `{ id }` object is one value). */
const entries = (v: unknown): unknown[] => (Array.isArray(plain(v)) ? listEntries(v) : [v]);

/** A reference as written, with the top-level property it sits under: an id, or an `{ id }` object. */
const refOf =
  (property: string) =>
  (v: unknown): [string, unknown] => [
    property,
    !isUnknown(v) && typeof plain(v) === "object" && plain(v) !== null ? obj(v).id : v,
  ];

/**
 * Reads where tiers sit in the address space and which NSG filters them: VPCs and VNets with their
 * address spaces; subnets with their addresses, their own zt:tier tag (AWS) and the tiers of the
 * hosts placed in them; and every NSG a resource puts over a subnet or an interface: azure-native's
 * `networkSecurityGroup` on a Subnet, on a VirtualNetwork's inline subnet or on a NIC, the classic
 * provider's `securityGroup` on an inline subnet and its association resources. One subnet named
 * by two resources (inline in its VNet, and as a Subnet or an association) is one placement with
 * both associations: the one applied last wins.
 */
export function readSubnets(index: ResourceIndex): {
  spaces: NetworkSpace[];
  subnets: SubnetPlacement[];
  /** Azure hosts and workloads, by URN: the tiers the NSGs over their subnets and interfaces give them. */
  placedBy: Map<string, { tiers: string[]; origin: Origin }>;
} {
  const spaces = new Map<string, NetworkSpace>();
  const placements = new Map<string, Placement>();
  const place = (key: string, init: () => Placement): Placement => {
    let p = placements.get(key);
    if (!p) placements.set(key, (p = init()));
    return p;
  };
  const newPlacement =
    (r: PlannedResource, key: string, name: string, kind: Placement["kind"] = "subnet") =>
    () => ({
      cloud: r.type.startsWith("aws:") ? ("aws" as const) : ("azure" as const),
      kind,
      subnet: key,
      name,
      prefixes: [],
      tiers: new Set<string>(),
      associations: [],
      origin: originOf(r),
    });

  const groupEndpoint = (g: PlannedResource): Endpoint => {
    const tier = tierTag(g);
    return tier ? { kind: "tier", tier } : { kind: "untagged", group: g.name };
  };
  /** The NSG one reference names; with the candidates when it could be any of several. */
  const nsgOf = (refs: ResolvedRefs): { group: Endpoint; candidates?: Endpoint[] } | undefined => {
    const ends = endpointsOf(refs, groupEndpoint);
    if (ends.length === 0) return undefined;
    if (ends.length > 1) return { group: { kind: "unknown", ref: "several NSGs" } };
    const candidates = refs.anyOf[0]?.map(groupEndpoint);
    return { group: ends[0]!, ...(candidates ? { candidates } : {}) };
  };
  const associate = (p: Placement, nsg: ReturnType<typeof nsgOf>, by: PlannedResource) => {
    if (nsg) p.associations.push({ ...nsg, origin: originOf(by) });
  };

  // VPCs and VNets: their address spaces.
  const addSpace = (r: PlannedResource, prefixes: string[]) => {
    const s = spaces.get(r.urn);
    spaces.set(r.urn, {
      cloud: r.type.startsWith("aws:") ? "aws" : "azure",
      network: r.urn,
      prefixes: [...(s?.prefixes ?? []), ...prefixes],
      origin: originOf(r),
    });
  };
  for (const v of index.ofType(SUBNETS.vpc)) addSpace(v, prefixesOf(v.inputs.cidrBlock, v.inputs.ipv6CidrBlock));
  for (const a of index.ofType(SUBNETS.vpcCidr)) {
    const [vpc] = index.resolve(a, "vpcId", [[a.inputs.vpcId]], VPC_TYPES);
    if (vpc!.targets.length === 1) addSpace(vpc!.targets[0]!, prefixesOf(a.inputs.cidrBlock));
  }
  for (const v of index.ofType(SUBNETS.vnet)) addSpace(v, prefixesOf(obj(v.inputs.addressSpace).addressPrefixes));
  for (const v of index.ofType(SUBNETS.classicVnet)) addSpace(v, prefixesOf(v.inputs.addressSpaces));

  // A VNet's name, as other resources and ids name it (Azure names compare case-insensitively).
  const vnetName = (v: PlannedResource) => (str(v.inputs.virtualNetworkName) ?? str(v.inputs.name))?.toLowerCase();
  const inlineKey = (vnet: PlannedResource, name: string) => `${vnet.urn}/${name.toLowerCase()}`;

  // Subnets declared inline in their VNet, with the NSG each names.
  for (const v of index.ofType(...VNET_TYPES)) {
    const entries = listEntries(v.inputs.subnets).map(obj);
    const classic = v.type === SUBNETS.classicVnet;
    const nsgIds = entries.map((e) => (classic ? e.securityGroup : obj(e.networkSecurityGroup).id));
    const refs = index.resolve(
      v,
      "subnets",
      nsgIds.map((id) => (id === undefined ? [] : [id])),
      NSG_TYPES,
    );
    entries.forEach((e, i) => {
      const name = str(e.name) ?? `subnet ${i + 1}`;
      const p = place(inlineKey(v, name), newPlacement(v, inlineKey(v, name), name));
      p.network = v.urn;
      p.prefixes.push(...prefixesOf(e.addressPrefix, e.addressPrefixes));
      associate(p, nsgOf(refs[i]!), v);
    });
  }

  /** The VNet a subnet resource belongs to: through its dependency, else by name. */
  const vnetOf = (r: PlannedResource, property: string): PlannedResource | undefined => {
    const [dep] = index.referenced(r, property, VNET_TYPES);
    const name = str(r.inputs[property])?.toLowerCase();
    return dep ?? (name ? index.ofType(...VNET_TYPES).find((v) => vnetName(v) === name) : undefined);
  };
  /** The placement of a subnet resource: the inline subnet of the same name in its VNet, if one. */
  const subnetResources = new Map<PlannedResource, Placement>();
  for (const r of index.ofType(...SUBNET_RESOURCES)) {
    if (r.type === SUBNETS.awsSubnet) {
      const p = place(r.urn, newPlacement(r, r.urn, str(obj(r.inputs.tags).Name) ?? r.name));
      const [vpc] = index.resolve(r, "vpcId", [[r.inputs.vpcId]], VPC_TYPES);
      if (vpc!.targets.length === 1) p.network = vpc!.targets[0]!.urn;
      p.prefixes.push(...prefixesOf(r.inputs.cidrBlock, r.inputs.ipv6CidrBlock));
      const tier = tierTag(r);
      if (tier) p.tiers.add(tier);
      subnetResources.set(r, p);
      continue;
    }
    const name = str(r.inputs.subnetName) ?? str(r.inputs.name) ?? r.name;
    const vnet = vnetOf(r, "virtualNetworkName");
    const key = vnet ? inlineKey(vnet, name) : r.urn;
    const p = place(key, newPlacement(r, key, name));
    if (vnet) p.network = vnet.urn;
    p.prefixes.push(...prefixesOf(r.inputs.addressPrefix, r.inputs.addressPrefixes));
    if (r.type === SUBNETS.subnet) {
      const [refs] = index.resolve(
        r,
        "networkSecurityGroup",
        [[obj(r.inputs.networkSecurityGroup).id].filter((x) => x !== undefined)],
        NSG_TYPES,
      );
      associate(p, nsgOf(refs!), r);
    }
    subnetResources.set(r, p);
  }

  /**
   * The subnet a reference names: a subnet resource of the stack (by id, or through the dependency),
   * an inline subnet (by the names in its id, or the only subnet of the VNet it depends on), or a
   * subnet outside the stack by its id. Undefined when it cannot be pinned to one.
   */
  const subnetOf = (r: PlannedResource, property: string, value: unknown): Placement | undefined => {
    const [refs] = index.resolve(r, property, [[value]], [...SUBNET_RESOURCES, ...VNET_TYPES]);
    const target = refs!.targets.length === 1 ? refs!.targets[0]! : undefined;
    const id = isUnknown(value) ? undefined : str(value);
    const names = id ? namesInId(id) : undefined;
    if (target && subnetResources.has(target)) return subnetResources.get(target);
    const vnet =
      target && VNET_TYPES.includes(target.type as (typeof VNET_TYPES)[number])
        ? target
        : names
          ? index.ofType(...VNET_TYPES).find((v) => vnetName(v) === names.vnet)
          : undefined;
    if (vnet) {
      if (names) return placements.get(inlineKey(vnet, names.subnet));
      const inline = [...placements.values()].filter((p) => p.network === vnet.urn);
      return inline.length === 1 ? inline[0] : undefined;
    }
    if (!id || target) return undefined;
    // A subnet outside the stack, named by its id.
    return place(id.toLowerCase(), newPlacement(r, id.toLowerCase(), names?.subnet ?? id));
  };

  // The classic provider's associations of a subnet with an NSG.
  for (const a of index.ofType(SUBNETS.classicSubnetNsg)) {
    const p = subnetOf(a, "subnetId", a.inputs.subnetId);
    const [refs] = index.resolve(a, "networkSecurityGroupId", [[a.inputs.networkSecurityGroupId]], NSG_TYPES);
    if (p) associate(p, nsgOf(refs!), a);
  }

  // Hosts: the tiers their groups (AWS) or ASGs (Azure) place them in, added to their subnet's; an
  // Azure interface is also a placement of its own, for the NSG put on it.
  const tiersOf = (r: PlannedResource, property: string, values: unknown[], types: readonly string[]) =>
    values.length
      ? index
          .resolve(r, property, [values], types)[0]!
          .targets.map(tierTag)
          .filter((t): t is string => t !== undefined)
      : [];
  const interfaces = new Map<string, Placement>();
  const subnetsOfInterface = new Map<Placement, Placement[]>();
  for (const r of index.ofType(HOSTS.instance, HOSTS.networkInterface)) {
    const groups = r.type === HOSTS.instance ? "vpcSecurityGroupIds" : "securityGroups";
    const tiers = tiersOf(r, groups, listEntries(r.inputs[groups]), AWS_GROUPS);
    const p = r.inputs.subnetId === undefined ? undefined : subnetOf(r, "subnetId", r.inputs.subnetId);
    tiers.forEach((t) => p?.tiers.add(t));
  }
  for (const r of index.ofType(HOSTS.nic, SUBNETS.classicNic)) {
    const configs = listEntries(r.inputs.ipConfigurations).map(obj);
    const asgIds = configs.flatMap((c) =>
      listEntries(c.applicationSecurityGroups).map((a) => (isUnknown(a) ? a : obj(a).id)),
    );
    const nic = place(
      r.urn,
      newPlacement(r, r.urn, str(r.inputs.networkInterfaceName) ?? str(r.inputs.name) ?? r.name, "interface"),
    );
    tiersOf(r, "ipConfigurations", asgIds, ASG_TYPES).forEach((t) => nic.tiers.add(t));
    interfaces.set(r.urn, nic);
    if (r.type === HOSTS.nic && r.inputs.networkSecurityGroup !== undefined) {
      const [refs] = index.resolve(
        r,
        "networkSecurityGroup",
        [[obj(r.inputs.networkSecurityGroup).id].filter((x) => x !== undefined)],
        NSG_TYPES,
      );
      associate(nic, nsgOf(refs!), r);
    }
    const subnets = configs
      .map((c) => (r.type === HOSTS.nic ? obj(c.subnet).id : c.subnetId))
      .filter((v) => v !== undefined)
      .map((v) => subnetOf(r, "ipConfigurations", v))
      .filter((p): p is Placement => p !== undefined);
    subnetsOfInterface.set(nic, subnets);
  }
  const interfaceOf = (r: PlannedResource): Placement | undefined => {
    const [refs] = index.resolve(
      r,
      "networkInterfaceId",
      [[r.inputs.networkInterfaceId]],
      [HOSTS.nic, SUBNETS.classicNic],
    );
    return refs!.targets.length === 1 ? interfaces.get(refs!.targets[0]!.urn) : undefined;
  };
  for (const a of index.ofType(HOST_ASSOCIATIONS.classicAsgAssociation)) {
    const nic = interfaceOf(a);
    tiersOf(a, "applicationSecurityGroupId", [a.inputs.applicationSecurityGroupId], ASG_TYPES).forEach((t) =>
      nic?.tiers.add(t),
    );
  }
  for (const a of index.ofType(SUBNETS.classicNicNsg)) {
    const nic = interfaceOf(a);
    const [refs] = index.resolve(a, "networkSecurityGroupId", [[a.inputs.networkSecurityGroupId]], NSG_TYPES);
    if (nic) associate(nic, nsgOf(refs!), a);
  }

  // Azure workloads of any type, read by shape: the subnets they name (at any depth), the NSG their
  // own interface configuration names (an interface placement of their own, as a NIC's), their ASGs,
  // and the interfaces a VM runs on.
  const nicsOfWorkload = new Map<PlannedResource, Placement[]>();
  for (const r of index.resources) {
    if (!isAzureWorkloadType(r.type) || r.type === HOSTS.nic) continue;
    const found = {
      subnets: [] as [string, unknown][],
      nsgs: [] as [string, unknown][],
      asgs: [] as [string, unknown][],
      nics: [] as [string, unknown][],
    };
    const lists: [RegExp, [string, unknown][]][] = [
      [AZURE_SUBNET_KEY, found.subnets],
      [AZURE_WORKLOAD_NSG_KEY, found.nsgs],
      [AZURE_PLACEMENT_KEY, found.asgs],
      [AZURE_INTERFACES_KEY, found.nics],
    ];
    eachInputKey(
      r.inputs,
      (key, value, at) => {
        if (NOT_PLACEMENT_SUBTREE.test(key)) return true;
        const list = lists.find(([k]) => k.test(key))?.[1];
        list?.push(...entries(value).map(refOf(at)));
        return list !== undefined;
      },
      10,
    );
    const subnets = byProperty(found.subnets).flatMap(([property, values]) =>
      values.some(isUnknown)
        ? // Ids not known yet: every subnet the property depends on, pinned together.
          index
            .resolve(r, property, [values], SUBNET_RESOURCES)[0]!
            .targets.flatMap((t) => [subnetResources.get(t)!].filter(Boolean))
        : values.map((v) => subnetOf(r, property, v)).filter((p): p is Placement => p !== undefined),
    );
    const nics = byProperty(found.nics).flatMap(([property, values]) =>
      index
        .resolve(r, property, [values], [HOSTS.nic, SUBNETS.classicNic])[0]!
        .targets.flatMap((t) => [interfaces.get(t.urn)!].filter(Boolean)),
    );
    if (nics.length) nicsOfWorkload.set(r, nics);
    if (subnets.length === 0 && found.nsgs.length === 0) continue;
    const own = place(r.urn, newPlacement(r, r.urn, r.name, "interface"));
    for (const [property, value] of found.asgs)
      tiersOf(r, property, [value], ASG_TYPES).forEach((t) => own.tiers.add(t));
    for (const [property, value] of found.nsgs) {
      const [refs] = index.resolve(r, property, [[value]], NSG_TYPES);
      associate(own, nsgOf(refs!), r);
    }
    interfaces.set(r.urn, own);
    subnetsOfInterface.set(own, subnets);
  }
  for (const [nic, subnets] of subnetsOfInterface) for (const s of subnets) nic.tiers.forEach((t) => s.tiers.add(t));

  // The tiers NSGs give each Azure host without ASGs of its own: those over its subnets and its own
  // interface (two tiers' NSGs join them). A host in ASGs is judged by them: an NSG of another tier
  // over it swaps its tier's rules, which the subnet's or interface's placement reports; a subnet
  // holding several tiers by ASG is the ASG design.
  const nsgTiers = (p: Placement) => p.associations.flatMap((a) => (a.group.kind === "tier" ? [a.group.tier] : []));
  const placedBy = new Map<string, { tiers: string[]; origin: Origin }>();
  const tiersUnder = (own: Placement): string[] =>
    own.tiers.size > 0 ? [] : [...nsgTiers(own), ...(subnetsOfInterface.get(own) ?? []).flatMap(nsgTiers)];
  for (const own of subnetsOfInterface.keys()) {
    const tiers = tiersUnder(own);
    if (tiers.length) placedBy.set(own.subnet, { tiers: [...new Set(tiers)], origin: own.origin });
  }
  // A VM is every interface it runs on: their ASGs' tiers and their NSGs'.
  for (const [vm, nics] of nicsOfWorkload) {
    const tiers = nics.flatMap((n) => [...n.tiers, ...tiersUnder(n)]);
    const prior = placedBy.get(vm.urn)?.tiers ?? [];
    if (tiers.length) placedBy.set(vm.urn, { tiers: [...new Set([...prior, ...tiers])], origin: originOf(vm) });
  }

  return {
    placedBy,
    spaces: [...spaces.values()],
    subnets: [...placements.values()].map((p): SubnetPlacement => ({
      cloud: p.cloud,
      kind: p.kind,
      subnet: p.subnet,
      name: p.name,
      ...(p.network ? { network: p.network } : {}),
      prefixes: [...new Set(p.prefixes)],
      tiers: [...p.tiers].sort(),
      associations: p.associations,
      origin: p.origin,
    })),
  };
}

export const READER: ReaderDeclaration = {
  name: "subnet-associations",
  feeds: {
    "network.subnets": [
      SUBNETS.vpc,
      SUBNETS.vpcCidr,
      SUBNETS.awsSubnet,
      SUBNETS.vnet,
      SUBNETS.subnet,
      SUBNETS.classicVnet,
      SUBNETS.classicSubnet,
      SUBNETS.classicSubnetNsg,
      SUBNETS.classicNic,
      SUBNETS.classicNicNsg,
      HOSTS.nic,
    ],
  },
  consults: [HOSTS.instance, HOSTS.networkInterface, HOST_ASSOCIATIONS.classicAsgAssociation],
  // Azure workloads of any type, by the subnets they are placed in and the NSG their interface names.
  readsProperties: [AZURE_SUBNET_KEY, AZURE_WORKLOAD_NSG_KEY],
  readsPropertiesOf: isAzureWorkloadType,
};
