/**
 * The stack as a network: security groups with every rule that applies to them (inline and
 * standalone, joined without double counting), the resources that carry each group, subnets and
 * the network ACL guarding each, and references resolved by known id or — while ids are unknown
 * in a preview — through propertyDependencies. Built once per validateStack call, with indexes by
 * URN and id so it stays linear in the number of resources.
 */
import { AWS_DEFAULT_NETWORK_ACL, NETWORK_ACL_HOLDER_TYPES, SECURITY_GROUP_HOLDER_TYPES, joinedHolderProperty, rulesOf } from "../adapters";
import {
    AWS_PREFIX_LIST_ENTRY,
    PREFIX_LIST_ENTRY_LIST_PROPERTY,
    PREFIX_LIST_ID_PROPERTIES,
    PREFIX_LIST_TYPES,
    inlinePrefixListEntries,
    standalonePrefixListEntry,
} from "../adapters/prefixLists";
import { SUBNET_TYPES, NETWORK_ACL_ASSOCIATION, NETWORK_ACL_SUBNETS_PROPERTY } from "../adapters/subnets";
import { DEFAULT_GROUP_MANAGER, VPC_DEFAULT_GROUP_OUTPUT } from "../adapters/vpcs";
import { AnalyzedResource } from "../model/resource";
import { Peer, Rule } from "../model/rule";
import { ownValue } from "../model/ownProperties";
import { field, fieldAt, isUnknown } from "../model/propertyReaders";
import { Unresolved, unknownAt } from "../model/unresolved";
import { RoutingFacts } from "./routing";
import { LoadBalancing } from "./loadBalancing";
import { CARRIERS, CarrierSpec, SUBNET_GROUP_TYPES, TIER_PROTECTION, TIER_TAG, TIERS, Tier, valuesAt } from "./carriers";

/** The URNs of the resources that fed a top-level property (own entries only: property names come from programs). */
export function dependenciesOf(holder: AnalyzedResource, property: string): readonly string[] {
    return (holder.propertyDependencies && ownValue(holder.propertyDependencies, property)) ?? [];
}

export interface GroupNode {
    /** undefined for groups outside the stack (a literal sg-… id): trusted, rules unknown. */
    resource?: AnalyzedResource;
    /** A VPC's default group: an aws.ec2.DefaultSecurityGroup, or the group whose id a VPC of the stack exports. */
    isDefault?: boolean;
    id?: string;
    label: string;
    tierTag?: Tier;
    /** Rules written inline in the group. */
    inline: Rule[];
    /** Inline rules in the group's outputs that no standalone rule resource accounts for. */
    ownInline: Rule[];
    /** Rules from standalone rule resources attached to the group. */
    standalone: Array<{ resource: AnalyzedResource; rule: Rule }>;
    carriers: Array<{ carrier: Carrier; certain: boolean }>;
}

export interface Attachment {
    group: GroupNode;
    /** false when a preview cannot tell which of several candidate groups an unknown id is. */
    certain: boolean;
    property: string;
    /** The network interface the resource takes the group from, when it is launched on one. */
    via?: AnalyzedResource;
}

/** A managed prefix list defined in the stack, with its entries (inline and standalone). */
export interface PrefixListNode {
    resource: AnalyzedResource;
    /** One CIDR peer per entry; unknown or malformed entries are unresolved peers. */
    entries: Peer[];
    /** Set when the inline entry list cannot be read as a whole (unknown during a preview). */
    unreadable?: Unresolved;
}

export interface Carrier {
    resource: AnalyzedResource;
    spec: CarrierSpec;
    attachments: Attachment[];
    /** Subnet ids or URNs the resource sits in; empty when the stack does not say. */
    subnets: string[];
    tier?: Tier;
    /** How the tier was decided, for messages. */
    tierSource: string;
    /** The network interfaces of the stack the resource is launched on (an Elastic IP on one is the resource's public address). */
    interfaces?: AnalyzedResource[];
    /**
     * The launch template the resource's instances are launched from: the one template of the stack it
     * names (`resource`), or, while a preview cannot tell which, why (`unresolved`, with the candidates).
     */
    launchTemplate?: LaunchTemplateUse;
}

export type LaunchTemplateUse = { resource: AnalyzedResource; property: string } | { unresolved: Unresolved; candidates: AnalyzedResource[]; property: string };

/*
 * Groups, attachments and carriers are each built by one function, every field in one order: policies
 * read them for every resource of a stack, and objects of one shape keep that code from being deoptimised
 * and compiled again (see newPath in reachability.ts).
 */

function newGroupNode(
    resource: AnalyzedResource | undefined,
    id: string | undefined,
    label: string,
    tierTag: Tier | undefined,
    inline: Rule[],
    isDefault: boolean | undefined,
): GroupNode {
    return { resource, isDefault, id, label, tierTag, inline, ownInline: inline, standalone: [], carriers: [] };
}

function newAttachment(group: GroupNode, certain: boolean, property: string, via: AnalyzedResource | undefined): Attachment {
    return { group, certain, property, via };
}

function newCarrier(resource: AnalyzedResource, spec: CarrierSpec, attachments: Attachment[], subnets: string[]): Carrier {
    return { resource, spec, attachments, subnets, tier: undefined, tierSource: "", interfaces: undefined, launchTemplate: undefined };
}

export function tierOf(value: unknown): Tier | undefined {
    return typeof value === "string" && (TIERS as readonly string[]).includes(value) ? (value as Tier) : undefined;
}

function tagTier(props: unknown): Tier | undefined {
    return tierOf(field(field(props, "tags"), TIER_TAG)) ?? tierOf(field(field(props, "tagsAll"), TIER_TAG));
}

function idOf(resource: AnalyzedResource, keys: readonly string[] = ["id", "groupId"]): string | undefined {
    for (const key of keys) {
        const value = field(resource.props, key);
        if (typeof value === "string" && value && !isUnknown(value)) return value;
    }
    return undefined;
}

function knownString(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && !isUnknown(value) ? value : undefined;
}

/** The top-level property of a property path: `ingress[0].securityGroups[1]` → `ingress`. */
export function topLevel(property: string): string {
    return property.split(/[.[]/)[0];
}

/** Atomic key of a rule for one peer, to match a group's output rules with standalone rule resources. */
function atomKeys(rule: Rule): string[] {
    const head = `${rule.direction}|${JSON.stringify(rule.protocol)}|${JSON.stringify(rule.ports)}`;
    return rule.peers.map((peer) => `${head}|${peerKey(peer)}`);
}

function peerKey(peer: Peer): string {
    switch (peer.kind) {
        case "cidr":
            return `cidr:${peer.cidr.first}/${peer.cidr.prefix}/${peer.cidr.family}`;
        case "securityGroup":
        case "prefixList":
            return `${peer.kind}:${peer.id ?? "?"}`;
        default:
            return peer.kind;
    }
}

export class StackGraph {
    readonly groups: GroupNode[] = [];
    readonly carriers: Carrier[] = [];
    private readonly byUrn = new Map<string, AnalyzedResource>();
    private readonly groupByUrn = new Map<string, GroupNode>();
    private readonly groupById = new Map<string, GroupNode>();
    private readonly groupByName = new Map<string, GroupNode>();
    private readonly externalGroups = new Map<string, GroupNode>();
    /** VPCs by id and URN, and by the id of their default group (a known output). */
    private readonly vpcs = new Map<string, AnalyzedResource>();
    private readonly vpcByDefaultGroupId = new Map<string, AnalyzedResource>();
    /** Each VPC's default group: its aws.ec2.DefaultSecurityGroup, else a node standing for the group AWS made. */
    private readonly defaultGroups = new Map<AnalyzedResource, GroupNode>();
    /** Every standalone rule resource, with the groups it joins (also groups outside the stack). */
    readonly standaloneRules: Array<{ resource: AnalyzedResource; rules: Rule[]; groups: GroupNode[] }> = [];
    /** Managed prefix lists defined in the stack. */
    readonly prefixLists: PrefixListNode[] = [];
    private readonly prefixListByKey = new Map<string, PrefixListNode>();
    private readonly naclBySubnet = new Map<string, Rule[]>();
    /** Every network ACL of the stack with all its entries (inline and standalone). */
    readonly nacls: Array<{ resource: AnalyzedResource; entries: Rule[] }> = [];
    private defaultNacl?: Rule[];

    /** Subnets by id and by URN. */
    private readonly subnets = new Map<string, AnalyzedResource>();

    /** The subnet of the stack a key (id or URN) names. */
    subnetByKey(key: string): AnalyzedResource | undefined {
        return this.subnets.get(key);
    }

    /** The resource of the stack with this URN. */
    resourceByUrn(urn: string): AnalyzedResource | undefined {
        return this.byUrn.get(urn);
    }

    private routingFacts?: RoutingFacts;
    private loadBalancingFacts?: LoadBalancing;

    /** Listeners, target groups and targets: indexed on first use. */
    get loadBalancing(): LoadBalancing {
        this.loadBalancingFacts ??= new LoadBalancing(this);
        return this.loadBalancingFacts;
    }

    /** Routes, gateways and public addresses: indexed on first use (stack policies that need no routing do not pay). */
    get routing(): RoutingFacts {
        this.routingFacts ??= new RoutingFacts(this);
        return this.routingFacts;
    }

    constructor(readonly resources: AnalyzedResource[]) {
        for (let at = 0; at < resources.length; at++) {
            const r = resources[at];
            this.byUrn.set(r.urn, r);
            if (!SUBNET_TYPES.has(r.type)) continue;
            this.subnets.set(r.urn, r);
            if (idOf(r)) this.subnets.set(idOf(r)!, r);
        }
        this.indexVpcs();
        this.indexGroups();
        this.joinStandaloneRules();
        this.indexPrefixLists();
        this.indexNacls();
        this.indexCarriers();
    }

    private indexGroups(): void {
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (!SECURITY_GROUP_HOLDER_TYPES.has(resource.type)) continue;
            const id = idOf(resource);
            const rules = rulesOf(resource);
            const inline = rules?.rules.filter((r) => !r.implicit) ?? [];
            const managesDefault = resource.type === DEFAULT_GROUP_MANAGER.type;
            const node = newGroupNode(resource, id, resource.name, tagTier(resource.props), inline, managesDefault ? true : undefined);
            this.groups.push(node);
            this.groupByUrn.set(resource.urn, node);
            if (id) this.groupById.set(id, node);
            const name = field(resource.props, "name") ?? field(resource.props, "groupName");
            if (typeof name === "string" && !isUnknown(name)) this.groupByName.set(name, node);
            if (managesDefault) this.registerDefaultGroup(node, resource);
        }
    }

    private indexVpcs(): void {
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            const output = VPC_DEFAULT_GROUP_OUTPUT.get(resource.type);
            if (output === undefined) continue;
            this.vpcs.set(resource.urn, resource);
            const id = idOf(resource, ["id", "vpcId"]);
            if (id) this.vpcs.set(id, resource);
            const defaultGroupId = knownString(field(resource.props, output));
            if (defaultGroupId) this.vpcByDefaultGroupId.set(defaultGroupId, resource);
        }
    }

    /** An aws.ec2.DefaultSecurityGroup manages the default group of the VPC its vpcId names. */
    private registerDefaultGroup(node: GroupNode, resource: AnalyzedResource): void {
        const key = this.referenced(resource, DEFAULT_GROUP_MANAGER.vpcProperty, field(resource.props, DEFAULT_GROUP_MANAGER.vpcProperty));
        const vpc = key !== undefined ? this.vpcs.get(key) : undefined;
        if (vpc) this.defaultGroups.set(vpc, node);
    }

    /** The default group of a VPC of the stack: the stack's DefaultSecurityGroup for it, else the group AWS made. */
    private defaultGroupOf(vpc: AnalyzedResource, id: string | undefined): GroupNode {
        let node = this.defaultGroups.get(vpc);
        if (!node) {
            // Not managed in the stack: AWS's own default group, whose rules the stack does not show.
            node = newGroupNode(undefined, id, `default security group of VPC "${vpc.name}"`, undefined, [], true);
            this.defaultGroups.set(vpc, node);
        }
        return node;
    }

    /**
     * Resolves a reference to a security group held in `property` of `holder`: by known id (or name),
     * else, for an unknown value, through the resources that fed the property.
     */
    resolveGroups(holder: AnalyzedResource, property: string, value: unknown, unknownsInProperty = 1): Array<{ group: GroupNode; certain: boolean }> {
        if (typeof value === "string" && !isUnknown(value)) {
            const known = this.groupById.get(value) ?? this.groupByName.get(value);
            if (known) return [{ group: known, certain: true }];
            const vpc = this.vpcByDefaultGroupId.get(value);
            if (vpc) return [{ group: this.defaultGroupOf(vpc, value), certain: true }];
            let external = this.externalGroups.get(value);
            if (!external) {
                external = newGroupNode(undefined, value, value, undefined, [], undefined);
                this.externalGroups.set(value, external);
            }
            return [{ group: external, certain: true }];
        }
        // A group resource fed the property, or a VPC did: the only group id a VPC exports is its default group's.
        const candidates = dependenciesOf(holder, topLevel(property))
            .map((urn) => this.groupByUrn.get(urn) ?? this.defaultGroupOfVpcUrn(urn))
            .filter((g): g is GroupNode => g !== undefined);
        // As many unknown ids as candidate groups: each candidate is one of them (the usual case).
        // Fewer: a preview cannot tell which candidates they are.
        return candidates.map((group) => ({ group, certain: candidates.length <= unknownsInProperty }));
    }

    private defaultGroupOfVpcUrn(urn: string): GroupNode | undefined {
        const vpc = this.vpcs.get(urn);
        return vpc && vpc.urn === urn ? this.defaultGroupOf(vpc, undefined) : undefined;
    }

    private joinStandaloneRules(): void {
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            const groupProperty = joinedHolderProperty(resource.type, "securityGroup");
            if (groupProperty === undefined) continue;
            const rules = rulesOf(resource)?.rules ?? [];
            const groups = this.resolveGroups(resource, groupProperty, field(resource.props, groupProperty)).map(({ group }) => group);
            this.standaloneRules.push({ resource, rules, groups });
            for (const group of groups) {
                if (!group.resource) continue;
                for (const rule of rules) group.standalone.push({ resource, rule });
            }
        }
        // A deployed group's outputs list its standalone rules too: those are not the group's own.
        for (const group of this.groups) {
            if (group.standalone.length === 0) continue;
            const accounted = new Set(group.standalone.flatMap(({ rule }) => atomKeys(rule)));
            group.ownInline = group.inline.filter((rule) => atomKeys(rule).some((key) => !accounted.has(key)));
        }
    }

    private indexPrefixLists(): void {
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (!PREFIX_LIST_TYPES.has(resource.type)) continue;
            const node: PrefixListNode = { resource, ...inlinePrefixListEntries(resource.props) };
            this.prefixLists.push(node);
            this.prefixListByKey.set(resource.urn, node);
            for (const key of PREFIX_LIST_ID_PROPERTIES) {
                const id = knownString(field(resource.props, key));
                if (id) this.prefixListByKey.set(id, node);
            }
        }
        // Standalone entries add to their list, known by id or, while the id is unknown, by dependency.
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (resource.type !== AWS_PREFIX_LIST_ENTRY) continue;
            const key = this.referenced(resource, PREFIX_LIST_ENTRY_LIST_PROPERTY, field(resource.props, PREFIX_LIST_ENTRY_LIST_PROPERTY));
            const node = key !== undefined ? this.prefixListByKey.get(key) : undefined;
            if (!node) continue;
            node.entries.push(standalonePrefixListEntry(resource.props, `entry "${resource.name}" cidr`));
        }
    }

    /**
     * The stack's prefix lists a rule's prefix-list peer may be: by known id (none for a list outside
     * the stack, which is trusted like a group outside it), else the lists that fed the property; with
     * several candidates for one unknown id, none is certain.
     */
    resolvePrefixLists(
        holder: AnalyzedResource,
        peer: Peer & { kind: "prefixList" },
        unknownsInProperty = 1,
    ): Array<{ list: PrefixListNode; certain: boolean }> {
        if (peer.id !== undefined) {
            const list = this.prefixListByKey.get(peer.id);
            return list ? [{ list, certain: true }] : [];
        }
        const candidates = [...new Set(dependenciesOf(holder, topLevel(peer.property)).map((urn) => this.prefixListByKey.get(urn)))].filter(
            (l): l is PrefixListNode => l !== undefined,
        );
        return candidates.map((list) => ({ list, certain: candidates.length <= unknownsInProperty }));
    }

    private indexNacls(): void {
        const aclEntries = new Map<string, Rule[]>();
        const aclKeyOf = (resource: AnalyzedResource) => idOf(resource) ?? resource.urn;
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (!NETWORK_ACL_HOLDER_TYPES.has(resource.type)) continue;
            // A copy: standalone entries join it below, and the adapter's answer is shared.
            const entries = [...(rulesOf(resource)?.rules ?? [])];
            aclEntries.set(aclKeyOf(resource), entries);
            aclEntries.set(resource.urn, entries);
            this.nacls.push({ resource, entries });
            if (resource.type === AWS_DEFAULT_NETWORK_ACL) this.defaultNacl = entries;
            for (const subnet of this.subnetKeys(resource, NETWORK_ACL_SUBNETS_PROPERTY, valuesAt(resource.props, [NETWORK_ACL_SUBNETS_PROPERTY])))
                this.naclBySubnet.set(subnet, entries);
        }
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            const aclProperty = joinedHolderProperty(resource.type, "networkAcl");
            if (aclProperty === undefined) continue;
            const acl = this.referenced(resource, aclProperty, field(resource.props, aclProperty));
            const entries = acl ? aclEntries.get(acl) : undefined;
            if (entries) entries.push(...(rulesOf(resource)?.rules ?? []));
        }
        const { type, aclProperty, subnetProperty } = NETWORK_ACL_ASSOCIATION;
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (resource.type !== type) continue;
            const acl = this.referenced(resource, aclProperty, field(resource.props, aclProperty));
            const entries = acl ? aclEntries.get(acl) : undefined;
            if (!entries) continue;
            for (const subnet of this.subnetKeys(resource, subnetProperty, [field(resource.props, subnetProperty)])) this.naclBySubnet.set(subnet, entries);
        }
    }

    /** A reference to another resource: its known id, else the single resource that fed the property. */
    referenced(holder: AnalyzedResource, property: string, value: unknown): string | undefined {
        if (typeof value === "string" && !isUnknown(value)) return value;
        const urns = dependenciesOf(holder, property);
        return urns.length === 1 ? urns[0] : undefined;
    }

    /** Subnet keys (ids, or URNs while ids are unknown) named in a property. */
    subnetKeys(holder: AnalyzedResource, property: string, values: unknown[]): string[] {
        const keys = values.filter((v): v is string => typeof v === "string" && !isUnknown(v) && v !== "");
        if (values.some(isUnknown)) {
            for (const urn of dependenciesOf(holder, property)) {
                const dep = this.byUrn.get(urn);
                if (dep && SUBNET_TYPES.has(dep.type)) keys.push(urn, ...(idOf(dep) ? [idOf(dep)!] : []));
            }
        }
        // A subnet known by id is also known by its URN, and the reverse.
        for (const key of [...keys]) {
            const subnet = this.subnets.get(key);
            if (subnet) keys.push(subnet.urn, ...(idOf(subnet) ? [idOf(subnet)!] : []));
        }
        return [...new Set(keys)];
    }

    /**
     * The inbound entries of the ACL guarding each subnet the resource sits in: the subnet's ACL,
     * else the stack's default ACL, else undefined (AWS's default ACL allows everything).
     */
    naclsOf(carrier: Carrier): Array<Rule[] | undefined> {
        let nacls = this.naclsByCarrier.get(carrier);
        if (!nacls) {
            nacls = carrier.subnets.length === 0 ? [] : [...new Set(carrier.subnets.map((s) => this.naclBySubnet.get(s) ?? this.defaultNacl))];
            this.naclsByCarrier.set(carrier, nacls);
        }
        return nacls;
    }

    /** The inbound and outbound entries of the ACL guarding a subnet (by id or URN): its own, else the stack's default ACL, else undefined (AWS's default ACL allows everything). */
    naclOfSubnet(key: string): { entries: Rule[]; resource: AnalyzedResource } | undefined {
        const entries = this.naclBySubnet.get(key) ?? this.defaultNacl;
        if (!entries) return undefined;
        if (!this.naclResources) this.naclResources = new Map(this.nacls.map((n) => [n.entries, n.resource]));
        const resource = this.naclResources.get(entries);
        return resource ? { entries, resource } : undefined;
    }

    private naclResources?: Map<Rule[], AnalyzedResource>;

    private readonly naclsByCarrier = new Map<Carrier, Array<Rule[] | undefined>>();

    /** Subnet groups (RDS, ElastiCache) by "type|name". */
    private readonly subnetGroups = new Map<string, AnalyzedResource>();

    private indexCarriers(): void {
        for (let at = 0; at < this.resources.length; at++) {
            const r = this.resources[at];
            if (!SUBNET_GROUP_TYPES.has(r.type)) continue;
            const name = field(r.props, "name");
            if (typeof name === "string") this.subnetGroups.set(`${r.type}|${name}`, r);
        }
        const clusters = new Map<string, Carrier>();
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            const spec = CARRIERS.get(resource.type);
            if (!spec) continue;
            const carrier = this.carrierOf(resource, spec);
            this.carriers.push(carrier);
            if (spec.clusterIdentifier) {
                for (const key of [field(resource.props, spec.clusterIdentifier), idOf(resource), resource.urn])
                    if (typeof key === "string" && !isUnknown(key)) clusters.set(key, carrier);
            }
        }
        // Cluster instances carry their cluster's groups and sit in its subnets.
        for (const carrier of this.carriers) {
            const memberOf = carrier.spec.memberOfCluster;
            if (!memberOf) continue;
            const cluster = clusters.get(this.referenced(carrier.resource, memberOf, field(carrier.resource.props, memberOf)) ?? "");
            if (cluster) {
                carrier.attachments = [...cluster.attachments];
                carrier.subnets = [...cluster.subnets];
            }
        }
        this.joinNetworkInterfaces();
        this.joinLaunchTemplates();
        for (const carrier of this.carriers) {
            for (const attachment of carrier.attachments) attachment.group.carriers.push({ carrier, certain: attachment.certain });
            const decided = decideTier(carrier);
            carrier.tier = decided.tier;
            carrier.tierSource = decided.tierSource;
        }
    }

    /** A resource that carries groups: the groups it names (resolved) and the subnets it sits in, as its own properties say. */
    private carrierOf(resource: AnalyzedResource, spec: CarrierSpec): Carrier {
        const attachments: Attachment[] = [];
        for (const path of spec.groups) {
            const values = valuesAt(resource.props, path);
            if (values.length === 0) continue;
            let unknowns = 0;
            for (let i = 0; i < values.length; i++) if (isUnknown(values[i])) unknowns++;
            const property = path.join(".");
            for (let i = 0; i < values.length; i++) {
                const resolved = this.resolveGroups(resource, path[0], values[i], unknowns);
                for (let j = 0; j < resolved.length; j++) attachments.push(newAttachment(resolved[j].group, resolved[j].certain, property, undefined));
            }
        }
        const subnets = (spec.subnets ?? []).flatMap((path) => this.subnetKeys(resource, path[0], valuesAt(resource.props, path)));
        if (spec.subnetGroup) {
            const [property, type] = spec.subnetGroup;
            const name = field(resource.props, property);
            const byName = typeof name === "string" && !isUnknown(name) ? this.subnetGroups.get(`${type}|${name}`) : undefined;
            const byDependency = dependenciesOf(resource, property)
                .map((u) => this.byUrn.get(u))
                .find((r) => r?.type === type);
            const group = byName ?? byDependency;
            if (group) subnets.push(...this.subnetKeys(group, "subnetIds", valuesAt(group.props, ["subnetIds"])));
        }
        return newCarrier(resource, spec, dedupe(attachments), subnets);
    }

    /**
     * A resource launched on existing network interfaces (an instance's `primaryNetworkInterface`)
     * carries the interfaces' groups and sits in their subnets: AWS takes them from the interface.
     */
    private joinNetworkInterfaces(): void {
        const interfaces = new Map<string, Carrier>();
        for (const carrier of this.carriers) {
            if (!carrier.spec.networkInterface) continue;
            interfaces.set(carrier.resource.urn, carrier);
            const id = idOf(carrier.resource);
            if (id) interfaces.set(id, carrier);
        }
        for (const carrier of this.carriers) {
            for (const path of carrier.spec.interfaces ?? []) {
                const values = valuesAt(carrier.resource.props, path);
                const unknowns = values.filter(isUnknown).length;
                for (const value of values) {
                    for (const { networkInterface, certain } of this.interfacesNamed(carrier.resource, path[0], value, unknowns, interfaces)) {
                        const taken = networkInterface.attachments.map((a) =>
                            newAttachment(a.group, a.certain && certain, `${path.join(".")} → ${a.property}`, networkInterface.resource),
                        );
                        carrier.attachments = dedupe([...carrier.attachments, ...taken]);
                        carrier.subnets = [...new Set([...carrier.subnets, ...networkInterface.subnets])];
                        carrier.interfaces = [...(carrier.interfaces ?? []), networkInterface.resource];
                    }
                }
            }
        }
    }

    /**
     * A resource launched from a launch template (an auto-scaling group's instances, an instance with
     * `launchTemplate`) takes the template's groups when it names none and the template's interface
     * subnets when it names none; the template is remembered for its public-address settings. Named
     * by known id or name, else (unknown in a preview) by the templates that fed the property: one
     * candidate is the template, several leave it unresolved (their groups attach, none certain).
     */
    private joinLaunchTemplates(): void {
        const templates = new Map<string, Carrier>();
        for (const carrier of this.carriers) {
            if (!carrier.spec.launchTemplate) continue;
            templates.set(carrier.resource.urn, carrier);
            const id = idOf(carrier.resource);
            if (id) templates.set(`id:${id}`, carrier);
            const name = knownString(field(carrier.resource.props, "name"));
            if (name) templates.set(`name:${name}`, carrier);
        }
        for (const carrier of this.carriers) {
            for (const { path, by } of carrier.spec.launchedFrom ?? []) {
                const raw = fieldAt(carrier.resource.props, path);
                if (raw === undefined) continue;
                const property = path.join(".");
                const known = knownString(raw);
                let candidates: Carrier[] = [];
                if (known !== undefined) {
                    // A template outside the stack: its groups are not known here, and trusted like a group outside it.
                    const found = templates.get(`${by}:${known}`);
                    if (!found) break;
                    candidates = [found];
                } else if (isUnknown(raw)) {
                    candidates = [...new Set(dependenciesOf(carrier.resource, path[0]).map((urn) => templates.get(urn)))].filter(
                        (c): c is Carrier => c !== undefined,
                    );
                } else continue;
                const certain = candidates.length === 1;
                carrier.launchTemplate = certain
                    ? { resource: candidates[0].resource, property }
                    : { unresolved: unknownAt(`${carrier.resource.name}.${property}`), candidates: candidates.map((c) => c.resource), property };
                if (carrier.attachments.length === 0) {
                    const taken = candidates.flatMap((template) =>
                        template.attachments.map((a) =>
                            newAttachment(a.group, a.certain && certain, `${property} → launch template "${template.resource.name}" ${a.property}`, a.via),
                        ),
                    );
                    carrier.attachments = dedupe(taken);
                }
                if (carrier.subnets.length === 0) carrier.subnets = [...new Set(candidates.flatMap((t) => t.subnets))];
                if (candidates.length === 1) carrier.interfaces = [...(carrier.interfaces ?? []), ...(candidates[0].interfaces ?? [])];
                break;
            }
        }
    }

    /** The interfaces of the stack an id names: by known id, else (unknown in a preview) those that fed the property. */
    private interfacesNamed(
        holder: AnalyzedResource,
        property: string,
        value: unknown,
        unknowns: number,
        interfaces: Map<string, Carrier>,
    ): Array<{ networkInterface: Carrier; certain: boolean }> {
        const id = knownString(value);
        if (id !== undefined) {
            const found = interfaces.get(id);
            return found ? [{ networkInterface: found, certain: true }] : [];
        }
        if (!isUnknown(value)) return [];
        const candidates = dependenciesOf(holder, property)
            .map((urn) => interfaces.get(urn))
            .filter((c): c is Carrier => c !== undefined);
        return candidates.map((networkInterface) => ({ networkInterface, certain: candidates.length <= unknowns }));
    }
}

function dedupe(attachments: Attachment[]): Attachment[] {
    const seen = new Map<GroupNode, Attachment>();
    for (const a of attachments) {
        const existing = seen.get(a.group);
        if (!existing) seen.set(a.group, a);
        else if (a.certain) existing.certain = true;
    }
    return [...seen.values()];
}

/** The resource's own tag, else its groups' tags (most protected wins), else inferred from its type. */
function decideTier(carrier: Carrier): { tier?: Tier; tierSource: string } {
    const own = tagTier(carrier.resource.props);
    if (own) return { tier: own, tierSource: `its ${TIER_TAG} tag` };
    const fromGroups = carrier.attachments.map((a) => a.group.tierTag).filter((t): t is Tier => t !== undefined);
    const protectedMost = TIER_PROTECTION.find((t) => fromGroups.includes(t));
    if (protectedMost) return { tier: protectedMost, tierSource: "its security groups' tags" };
    const inferred = carrier.spec.inferTier?.(carrier.resource.props);
    if (inferred) return { tier: inferred, tierSource: inferred === "data" ? "its type (a data service)" : "its type (an internet-facing load balancer)" };
    return { tierSource: "none" };
}
