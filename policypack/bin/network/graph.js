"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StackGraph = void 0;
exports.dependenciesOf = dependenciesOf;
exports.tierOf = tierOf;
exports.topLevel = topLevel;
/**
 * The stack as a network: security groups with every rule that applies to them (inline and
 * standalone, joined without double counting), the resources that carry each group, subnets and
 * the network ACL guarding each, and references resolved by known id or — while ids are unknown
 * in a preview — through propertyDependencies. Built once per validateStack call, with indexes by
 * URN and id so it stays linear in the number of resources.
 */
const adapters_1 = require("../adapters");
const prefixLists_1 = require("../adapters/prefixLists");
const subnets_1 = require("../adapters/subnets");
const vpcs_1 = require("../adapters/vpcs");
const ownProperties_1 = require("../model/ownProperties");
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
const routing_1 = require("./routing");
const loadBalancing_1 = require("./loadBalancing");
const carriers_1 = require("./carriers");
/** The URNs of the resources that fed a top-level property (own entries only: property names come from programs). */
function dependenciesOf(holder, property) {
    return (holder.propertyDependencies && (0, ownProperties_1.ownValue)(holder.propertyDependencies, property)) ?? [];
}
/*
 * Groups, attachments and carriers are each built by one function, every field in one order: policies
 * read them for every resource of a stack, and objects of one shape keep that code from being deoptimised
 * and compiled again (see newPath in reachability.ts).
 */
function newGroupNode(resource, id, label, tierTag, inline, isDefault) {
    return { resource, isDefault, id, label, tierTag, inline, ownInline: inline, standalone: [], carriers: [] };
}
function newAttachment(group, certain, property, via) {
    return { group, certain, property, via };
}
function newCarrier(resource, spec, attachments, subnets) {
    return { resource, spec, attachments, subnets, tier: undefined, tierSource: "", interfaces: undefined, launchTemplate: undefined };
}
function tierOf(value) {
    return typeof value === "string" && carriers_1.TIERS.includes(value) ? value : undefined;
}
function tagTier(props) {
    return tierOf((0, propertyReaders_1.field)((0, propertyReaders_1.field)(props, "tags"), carriers_1.TIER_TAG)) ?? tierOf((0, propertyReaders_1.field)((0, propertyReaders_1.field)(props, "tagsAll"), carriers_1.TIER_TAG));
}
function idOf(resource, keys = ["id", "groupId"]) {
    for (const key of keys) {
        const value = (0, propertyReaders_1.field)(resource.props, key);
        if (typeof value === "string" && value && !(0, propertyReaders_1.isUnknown)(value))
            return value;
    }
    return undefined;
}
function knownString(value) {
    return typeof value === "string" && value !== "" && !(0, propertyReaders_1.isUnknown)(value) ? value : undefined;
}
/** The top-level property of a property path: `ingress[0].securityGroups[1]` → `ingress`. */
function topLevel(property) {
    return property.split(/[.[]/)[0];
}
/** Atomic key of a rule for one peer, to match a group's output rules with standalone rule resources. */
function atomKeys(rule) {
    const head = `${rule.direction}|${JSON.stringify(rule.protocol)}|${JSON.stringify(rule.ports)}`;
    return rule.peers.map((peer) => `${head}|${peerKey(peer)}`);
}
function peerKey(peer) {
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
class StackGraph {
    /** The subnet of the stack a key (id or URN) names. */
    subnetByKey(key) {
        return this.subnets.get(key);
    }
    /** The resource of the stack with this URN. */
    resourceByUrn(urn) {
        return this.byUrn.get(urn);
    }
    /** Listeners, target groups and targets: indexed on first use. */
    get loadBalancing() {
        this.loadBalancingFacts ?? (this.loadBalancingFacts = new loadBalancing_1.LoadBalancing(this));
        return this.loadBalancingFacts;
    }
    /** Routes, gateways and public addresses: indexed on first use (stack policies that need no routing do not pay). */
    get routing() {
        this.routingFacts ?? (this.routingFacts = new routing_1.RoutingFacts(this));
        return this.routingFacts;
    }
    constructor(resources) {
        this.resources = resources;
        this.groups = [];
        this.carriers = [];
        this.byUrn = new Map();
        this.groupByUrn = new Map();
        this.groupById = new Map();
        this.groupByName = new Map();
        this.externalGroups = new Map();
        /** VPCs by id and URN, and by the id of their default group (a known output). */
        this.vpcs = new Map();
        this.vpcByDefaultGroupId = new Map();
        /** Each VPC's default group: its aws.ec2.DefaultSecurityGroup, else a node standing for the group AWS made. */
        this.defaultGroups = new Map();
        /** Every standalone rule resource, with the groups it joins (also groups outside the stack). */
        this.standaloneRules = [];
        /** Managed prefix lists defined in the stack. */
        this.prefixLists = [];
        this.prefixListByKey = new Map();
        this.naclBySubnet = new Map();
        /** Every network ACL of the stack with all its entries (inline and standalone). */
        this.nacls = [];
        /** Subnets by id and by URN. */
        this.subnets = new Map();
        this.naclsByCarrier = new Map();
        /** Subnet groups (RDS, ElastiCache) by "type|name". */
        this.subnetGroups = new Map();
        for (let at = 0; at < resources.length; at++) {
            const r = resources[at];
            this.byUrn.set(r.urn, r);
            if (!subnets_1.SUBNET_TYPES.has(r.type))
                continue;
            this.subnets.set(r.urn, r);
            if (idOf(r))
                this.subnets.set(idOf(r), r);
        }
        this.indexVpcs();
        this.indexGroups();
        this.joinStandaloneRules();
        this.indexPrefixLists();
        this.indexNacls();
        this.indexCarriers();
    }
    indexGroups() {
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (!adapters_1.SECURITY_GROUP_HOLDER_TYPES.has(resource.type))
                continue;
            const id = idOf(resource);
            const rules = (0, adapters_1.rulesOf)(resource);
            const inline = rules?.rules.filter((r) => !r.implicit) ?? [];
            const managesDefault = resource.type === vpcs_1.DEFAULT_GROUP_MANAGER.type;
            const node = newGroupNode(resource, id, resource.name, tagTier(resource.props), inline, managesDefault ? true : undefined);
            this.groups.push(node);
            this.groupByUrn.set(resource.urn, node);
            if (id)
                this.groupById.set(id, node);
            const name = (0, propertyReaders_1.field)(resource.props, "name") ?? (0, propertyReaders_1.field)(resource.props, "groupName");
            if (typeof name === "string" && !(0, propertyReaders_1.isUnknown)(name))
                this.groupByName.set(name, node);
            if (managesDefault)
                this.registerDefaultGroup(node, resource);
        }
    }
    indexVpcs() {
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            const output = vpcs_1.VPC_DEFAULT_GROUP_OUTPUT.get(resource.type);
            if (output === undefined)
                continue;
            this.vpcs.set(resource.urn, resource);
            const id = idOf(resource, ["id", "vpcId"]);
            if (id)
                this.vpcs.set(id, resource);
            const defaultGroupId = knownString((0, propertyReaders_1.field)(resource.props, output));
            if (defaultGroupId)
                this.vpcByDefaultGroupId.set(defaultGroupId, resource);
        }
    }
    /** An aws.ec2.DefaultSecurityGroup manages the default group of the VPC its vpcId names. */
    registerDefaultGroup(node, resource) {
        const key = this.referenced(resource, vpcs_1.DEFAULT_GROUP_MANAGER.vpcProperty, (0, propertyReaders_1.field)(resource.props, vpcs_1.DEFAULT_GROUP_MANAGER.vpcProperty));
        const vpc = key !== undefined ? this.vpcs.get(key) : undefined;
        if (vpc)
            this.defaultGroups.set(vpc, node);
    }
    /** The default group of a VPC of the stack: the stack's DefaultSecurityGroup for it, else the group AWS made. */
    defaultGroupOf(vpc, id) {
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
    resolveGroups(holder, property, value, unknownsInProperty = 1) {
        if (typeof value === "string" && !(0, propertyReaders_1.isUnknown)(value)) {
            const known = this.groupById.get(value) ?? this.groupByName.get(value);
            if (known)
                return [{ group: known, certain: true }];
            const vpc = this.vpcByDefaultGroupId.get(value);
            if (vpc)
                return [{ group: this.defaultGroupOf(vpc, value), certain: true }];
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
            .filter((g) => g !== undefined);
        // As many unknown ids as candidate groups: each candidate is one of them (the usual case).
        // Fewer: a preview cannot tell which candidates they are.
        return candidates.map((group) => ({ group, certain: candidates.length <= unknownsInProperty }));
    }
    defaultGroupOfVpcUrn(urn) {
        const vpc = this.vpcs.get(urn);
        return vpc && vpc.urn === urn ? this.defaultGroupOf(vpc, undefined) : undefined;
    }
    joinStandaloneRules() {
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            const groupProperty = (0, adapters_1.joinedHolderProperty)(resource.type, "securityGroup");
            if (groupProperty === undefined)
                continue;
            const rules = (0, adapters_1.rulesOf)(resource)?.rules ?? [];
            const groups = this.resolveGroups(resource, groupProperty, (0, propertyReaders_1.field)(resource.props, groupProperty)).map(({ group }) => group);
            this.standaloneRules.push({ resource, rules, groups });
            for (const group of groups) {
                if (!group.resource)
                    continue;
                for (const rule of rules)
                    group.standalone.push({ resource, rule });
            }
        }
        // A deployed group's outputs list its standalone rules too: those are not the group's own.
        for (const group of this.groups) {
            if (group.standalone.length === 0)
                continue;
            const accounted = new Set(group.standalone.flatMap(({ rule }) => atomKeys(rule)));
            group.ownInline = group.inline.filter((rule) => atomKeys(rule).some((key) => !accounted.has(key)));
        }
    }
    indexPrefixLists() {
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (!prefixLists_1.PREFIX_LIST_TYPES.has(resource.type))
                continue;
            const node = { resource, ...(0, prefixLists_1.inlinePrefixListEntries)(resource.props) };
            this.prefixLists.push(node);
            this.prefixListByKey.set(resource.urn, node);
            for (const key of prefixLists_1.PREFIX_LIST_ID_PROPERTIES) {
                const id = knownString((0, propertyReaders_1.field)(resource.props, key));
                if (id)
                    this.prefixListByKey.set(id, node);
            }
        }
        // Standalone entries add to their list, known by id or, while the id is unknown, by dependency.
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (resource.type !== prefixLists_1.AWS_PREFIX_LIST_ENTRY)
                continue;
            const key = this.referenced(resource, prefixLists_1.PREFIX_LIST_ENTRY_LIST_PROPERTY, (0, propertyReaders_1.field)(resource.props, prefixLists_1.PREFIX_LIST_ENTRY_LIST_PROPERTY));
            const node = key !== undefined ? this.prefixListByKey.get(key) : undefined;
            if (!node)
                continue;
            node.entries.push((0, prefixLists_1.standalonePrefixListEntry)(resource.props, `entry "${resource.name}" cidr`));
        }
    }
    /**
     * The stack's prefix lists a rule's prefix-list peer may be: by known id (none for a list outside
     * the stack, which is trusted like a group outside it), else the lists that fed the property; with
     * several candidates for one unknown id, none is certain.
     */
    resolvePrefixLists(holder, peer, unknownsInProperty = 1) {
        if (peer.id !== undefined) {
            const list = this.prefixListByKey.get(peer.id);
            return list ? [{ list, certain: true }] : [];
        }
        const candidates = [...new Set(dependenciesOf(holder, topLevel(peer.property)).map((urn) => this.prefixListByKey.get(urn)))].filter((l) => l !== undefined);
        return candidates.map((list) => ({ list, certain: candidates.length <= unknownsInProperty }));
    }
    indexNacls() {
        const aclEntries = new Map();
        const aclKeyOf = (resource) => idOf(resource) ?? resource.urn;
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (!adapters_1.NETWORK_ACL_HOLDER_TYPES.has(resource.type))
                continue;
            // A copy: standalone entries join it below, and the adapter's answer is shared.
            const entries = [...((0, adapters_1.rulesOf)(resource)?.rules ?? [])];
            aclEntries.set(aclKeyOf(resource), entries);
            aclEntries.set(resource.urn, entries);
            this.nacls.push({ resource, entries });
            if (resource.type === adapters_1.AWS_DEFAULT_NETWORK_ACL)
                this.defaultNacl = entries;
            for (const subnet of this.subnetKeys(resource, subnets_1.NETWORK_ACL_SUBNETS_PROPERTY, (0, carriers_1.valuesAt)(resource.props, [subnets_1.NETWORK_ACL_SUBNETS_PROPERTY])))
                this.naclBySubnet.set(subnet, entries);
        }
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            const aclProperty = (0, adapters_1.joinedHolderProperty)(resource.type, "networkAcl");
            if (aclProperty === undefined)
                continue;
            const acl = this.referenced(resource, aclProperty, (0, propertyReaders_1.field)(resource.props, aclProperty));
            const entries = acl ? aclEntries.get(acl) : undefined;
            if (entries)
                entries.push(...((0, adapters_1.rulesOf)(resource)?.rules ?? []));
        }
        const { type, aclProperty, subnetProperty } = subnets_1.NETWORK_ACL_ASSOCIATION;
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            if (resource.type !== type)
                continue;
            const acl = this.referenced(resource, aclProperty, (0, propertyReaders_1.field)(resource.props, aclProperty));
            const entries = acl ? aclEntries.get(acl) : undefined;
            if (!entries)
                continue;
            for (const subnet of this.subnetKeys(resource, subnetProperty, [(0, propertyReaders_1.field)(resource.props, subnetProperty)]))
                this.naclBySubnet.set(subnet, entries);
        }
    }
    /** A reference to another resource: its known id, else the single resource that fed the property. */
    referenced(holder, property, value) {
        if (typeof value === "string" && !(0, propertyReaders_1.isUnknown)(value))
            return value;
        const urns = dependenciesOf(holder, property);
        return urns.length === 1 ? urns[0] : undefined;
    }
    /** Subnet keys (ids, or URNs while ids are unknown) named in a property. */
    subnetKeys(holder, property, values) {
        const keys = values.filter((v) => typeof v === "string" && !(0, propertyReaders_1.isUnknown)(v) && v !== "");
        if (values.some(propertyReaders_1.isUnknown)) {
            for (const urn of dependenciesOf(holder, property)) {
                const dep = this.byUrn.get(urn);
                if (dep && subnets_1.SUBNET_TYPES.has(dep.type))
                    keys.push(urn, ...(idOf(dep) ? [idOf(dep)] : []));
            }
        }
        // A subnet known by id is also known by its URN, and the reverse.
        for (const key of [...keys]) {
            const subnet = this.subnets.get(key);
            if (subnet)
                keys.push(subnet.urn, ...(idOf(subnet) ? [idOf(subnet)] : []));
        }
        return [...new Set(keys)];
    }
    /**
     * The inbound entries of the ACL guarding each subnet the resource sits in: the subnet's ACL,
     * else the stack's default ACL, else undefined (AWS's default ACL allows everything).
     */
    naclsOf(carrier) {
        let nacls = this.naclsByCarrier.get(carrier);
        if (!nacls) {
            nacls = carrier.subnets.length === 0 ? [] : [...new Set(carrier.subnets.map((s) => this.naclBySubnet.get(s) ?? this.defaultNacl))];
            this.naclsByCarrier.set(carrier, nacls);
        }
        return nacls;
    }
    /** The inbound and outbound entries of the ACL guarding a subnet (by id or URN): its own, else the stack's default ACL, else undefined (AWS's default ACL allows everything). */
    naclOfSubnet(key) {
        const entries = this.naclBySubnet.get(key) ?? this.defaultNacl;
        if (!entries)
            return undefined;
        if (!this.naclResources)
            this.naclResources = new Map(this.nacls.map((n) => [n.entries, n.resource]));
        const resource = this.naclResources.get(entries);
        return resource ? { entries, resource } : undefined;
    }
    indexCarriers() {
        for (let at = 0; at < this.resources.length; at++) {
            const r = this.resources[at];
            if (!carriers_1.SUBNET_GROUP_TYPES.has(r.type))
                continue;
            const name = (0, propertyReaders_1.field)(r.props, "name");
            if (typeof name === "string")
                this.subnetGroups.set(`${r.type}|${name}`, r);
        }
        const clusters = new Map();
        for (let at = 0; at < this.resources.length; at++) {
            const resource = this.resources[at];
            const spec = carriers_1.CARRIERS.get(resource.type);
            if (!spec)
                continue;
            const carrier = this.carrierOf(resource, spec);
            this.carriers.push(carrier);
            if (spec.clusterIdentifier) {
                for (const key of [(0, propertyReaders_1.field)(resource.props, spec.clusterIdentifier), idOf(resource), resource.urn])
                    if (typeof key === "string" && !(0, propertyReaders_1.isUnknown)(key))
                        clusters.set(key, carrier);
            }
        }
        // Cluster instances carry their cluster's groups and sit in its subnets.
        for (const carrier of this.carriers) {
            const memberOf = carrier.spec.memberOfCluster;
            if (!memberOf)
                continue;
            const cluster = clusters.get(this.referenced(carrier.resource, memberOf, (0, propertyReaders_1.field)(carrier.resource.props, memberOf)) ?? "");
            if (cluster) {
                carrier.attachments = [...cluster.attachments];
                carrier.subnets = [...cluster.subnets];
            }
        }
        this.joinNetworkInterfaces();
        this.joinLaunchTemplates();
        for (const carrier of this.carriers) {
            for (const attachment of carrier.attachments)
                attachment.group.carriers.push({ carrier, certain: attachment.certain });
            const decided = decideTier(carrier);
            carrier.tier = decided.tier;
            carrier.tierSource = decided.tierSource;
        }
    }
    /** A resource that carries groups: the groups it names (resolved) and the subnets it sits in, as its own properties say. */
    carrierOf(resource, spec) {
        const attachments = [];
        for (const path of spec.groups) {
            const values = (0, carriers_1.valuesAt)(resource.props, path);
            if (values.length === 0)
                continue;
            let unknowns = 0;
            for (let i = 0; i < values.length; i++)
                if ((0, propertyReaders_1.isUnknown)(values[i]))
                    unknowns++;
            const property = path.join(".");
            for (let i = 0; i < values.length; i++) {
                const resolved = this.resolveGroups(resource, path[0], values[i], unknowns);
                for (let j = 0; j < resolved.length; j++)
                    attachments.push(newAttachment(resolved[j].group, resolved[j].certain, property, undefined));
            }
        }
        const subnets = (spec.subnets ?? []).flatMap((path) => this.subnetKeys(resource, path[0], (0, carriers_1.valuesAt)(resource.props, path)));
        if (spec.subnetGroup) {
            const [property, type] = spec.subnetGroup;
            const name = (0, propertyReaders_1.field)(resource.props, property);
            const byName = typeof name === "string" && !(0, propertyReaders_1.isUnknown)(name) ? this.subnetGroups.get(`${type}|${name}`) : undefined;
            const byDependency = dependenciesOf(resource, property)
                .map((u) => this.byUrn.get(u))
                .find((r) => r?.type === type);
            const group = byName ?? byDependency;
            if (group)
                subnets.push(...this.subnetKeys(group, "subnetIds", (0, carriers_1.valuesAt)(group.props, ["subnetIds"])));
        }
        return newCarrier(resource, spec, dedupe(attachments), subnets);
    }
    /**
     * A resource launched on existing network interfaces (an instance's `primaryNetworkInterface`)
     * carries the interfaces' groups and sits in their subnets: AWS takes them from the interface.
     */
    joinNetworkInterfaces() {
        const interfaces = new Map();
        for (const carrier of this.carriers) {
            if (!carrier.spec.networkInterface)
                continue;
            interfaces.set(carrier.resource.urn, carrier);
            const id = idOf(carrier.resource);
            if (id)
                interfaces.set(id, carrier);
        }
        for (const carrier of this.carriers) {
            for (const path of carrier.spec.interfaces ?? []) {
                const values = (0, carriers_1.valuesAt)(carrier.resource.props, path);
                const unknowns = values.filter(propertyReaders_1.isUnknown).length;
                for (const value of values) {
                    for (const { networkInterface, certain } of this.interfacesNamed(carrier.resource, path[0], value, unknowns, interfaces)) {
                        const taken = networkInterface.attachments.map((a) => newAttachment(a.group, a.certain && certain, `${path.join(".")} → ${a.property}`, networkInterface.resource));
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
    joinLaunchTemplates() {
        const templates = new Map();
        for (const carrier of this.carriers) {
            if (!carrier.spec.launchTemplate)
                continue;
            templates.set(carrier.resource.urn, carrier);
            const id = idOf(carrier.resource);
            if (id)
                templates.set(`id:${id}`, carrier);
            const name = knownString((0, propertyReaders_1.field)(carrier.resource.props, "name"));
            if (name)
                templates.set(`name:${name}`, carrier);
        }
        for (const carrier of this.carriers) {
            for (const { path, by } of carrier.spec.launchedFrom ?? []) {
                const raw = (0, propertyReaders_1.fieldAt)(carrier.resource.props, path);
                if (raw === undefined)
                    continue;
                const property = path.join(".");
                const known = knownString(raw);
                let candidates = [];
                if (known !== undefined) {
                    // A template outside the stack: its groups are not known here, and trusted like a group outside it.
                    const found = templates.get(`${by}:${known}`);
                    if (!found)
                        break;
                    candidates = [found];
                }
                else if ((0, propertyReaders_1.isUnknown)(raw)) {
                    candidates = [...new Set(dependenciesOf(carrier.resource, path[0]).map((urn) => templates.get(urn)))].filter((c) => c !== undefined);
                }
                else
                    continue;
                const certain = candidates.length === 1;
                carrier.launchTemplate = certain
                    ? { resource: candidates[0].resource, property }
                    : { unresolved: (0, unresolved_1.unknownAt)(`${carrier.resource.name}.${property}`), candidates: candidates.map((c) => c.resource), property };
                if (carrier.attachments.length === 0) {
                    const taken = candidates.flatMap((template) => template.attachments.map((a) => newAttachment(a.group, a.certain && certain, `${property} → launch template "${template.resource.name}" ${a.property}`, a.via)));
                    carrier.attachments = dedupe(taken);
                }
                if (carrier.subnets.length === 0)
                    carrier.subnets = [...new Set(candidates.flatMap((t) => t.subnets))];
                if (candidates.length === 1)
                    carrier.interfaces = [...(carrier.interfaces ?? []), ...(candidates[0].interfaces ?? [])];
                break;
            }
        }
    }
    /** The interfaces of the stack an id names: by known id, else (unknown in a preview) those that fed the property. */
    interfacesNamed(holder, property, value, unknowns, interfaces) {
        const id = knownString(value);
        if (id !== undefined) {
            const found = interfaces.get(id);
            return found ? [{ networkInterface: found, certain: true }] : [];
        }
        if (!(0, propertyReaders_1.isUnknown)(value))
            return [];
        const candidates = dependenciesOf(holder, property)
            .map((urn) => interfaces.get(urn))
            .filter((c) => c !== undefined);
        return candidates.map((networkInterface) => ({ networkInterface, certain: candidates.length <= unknowns }));
    }
}
exports.StackGraph = StackGraph;
function dedupe(attachments) {
    const seen = new Map();
    for (const a of attachments) {
        const existing = seen.get(a.group);
        if (!existing)
            seen.set(a.group, a);
        else if (a.certain)
            existing.certain = true;
    }
    return [...seen.values()];
}
/** The resource's own tag, else its groups' tags (most protected wins), else inferred from its type. */
function decideTier(carrier) {
    const own = tagTier(carrier.resource.props);
    if (own)
        return { tier: own, tierSource: `its ${carriers_1.TIER_TAG} tag` };
    const fromGroups = carrier.attachments.map((a) => a.group.tierTag).filter((t) => t !== undefined);
    const protectedMost = carriers_1.TIER_PROTECTION.find((t) => fromGroups.includes(t));
    if (protectedMost)
        return { tier: protectedMost, tierSource: "its security groups' tags" };
    const inferred = carrier.spec.inferTier?.(carrier.resource.props);
    if (inferred)
        return { tier: inferred, tierSource: inferred === "data" ? "its type (a data service)" : "its type (an internet-facing load balancer)" };
    return { tierSource: "none" };
}
