/**
 * Routing and addressing facts of the stack graph: which route table each subnet uses (its explicit
 * association, else its VPC's main table), which of a table's routes send the internet's default route
 * to an internet gateway, and which resources have a public address (their own switch, their subnet's
 * default, an Elastic IP). Indexed once per stack on first use, each answer memoised per subnet, so a
 * reachability pass stays linear in the number of resources. Every answer is three-valued: an id or
 * switch not known yet is "maybe", never a pass.
 */
import {
    AWS_VPC_TYPES,
    DEFAULT_ROUTE_TABLE,
    EIP,
    EIP_ASSOCIATION,
    GATEWAY_KINDS,
    GatewayKind,
    INLINE_ROUTE,
    MAIN_ROUTE_TABLE_ASSOCIATION,
    OwnPublicAddress,
    ROUTE_TABLE,
    ROUTE_TABLE_ASSOCIATION,
    STANDALONE_ROUTE,
    SUBNET_PROPERTIES,
    VPC_MAIN_ROUTE_TABLE_OUTPUTS,
    gatewayKindOfId,
    ownIpv6Address,
    ownPublicAddress,
    templateAddress,
} from "../adapters/routing";
import { Tri } from "../model/exposure";
import { field, isUnknown, readBoolean } from "../model/propertyReaders";
import { AnalyzedResource } from "../model/resource";
import { Unresolved, describeUnresolved, isUnresolved, malformedAt, unknownAt } from "../model/unresolved";
import { type Carrier, type StackGraph, dependenciesOf } from "./graph";

export type Family = 4 | 6;
const DEFAULT_ROUTE: Record<Family, string> = { 4: "0.0.0.0/0", 6: "::/0" };

/** Where a route leads, for traffic of the internet: an internet gateway (yes), anything else (no), or not known yet. */
interface RouteTarget {
    internet: Tri;
    label: string;
    unresolved?: Unresolved;
}

interface RouteFact {
    destination: Record<Family, string | Unresolved | undefined>;
    target: RouteTarget;
    /** `routes[0]`, or `route "name"`. */
    where: string;
}

interface TableNode {
    resource: AnalyzedResource;
    routes: RouteFact[];
    unreadable?: Unresolved;
}

/** A three-valued answer and the words for it: the hop it names ("yes"), or what is missing or unknown. */
export interface Hop {
    verdict: Tri;
    /** For "yes": the hop in a path; for "no"/"maybe": why not, or what is unknown. */
    text: string;
    unresolved?: Unresolved;
}

/** One subnet's way to the internet gateway, for one address family. */
export interface SubnetRoute extends Hop {
    subnet: string;
}

/** Can the internet reach the carrier directly, for one family: an address and a route, in one subnet. */
export interface DirectReach {
    verdict: Tri;
    /** "yes": the hops (gateway → table → subnet) and the address; else what is missing or unknown. */
    route: Hop;
    address: Hop;
    /** The network ACL of the subnet (the gate the caller judged). */
    nacl: Hop;
    subnet: string;
}

function knownString(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && !isUnknown(value) ? value : undefined;
}

function idOrUrn(resource: AnalyzedResource): string[] {
    const id = knownString(field(resource.props, "id"));
    return id ? [resource.urn, id] : [resource.urn];
}

export class RoutingFacts {
    private readonly vpcByKey = new Map<string, AnalyzedResource>();
    private readonly gatewayByKey = new Map<string, { resource: AnalyzedResource; kind: GatewayKind }>();
    private readonly tableByKey = new Map<string, TableNode>();
    /** A subnet's (URN's) explicit table; "unknown" when an association names it but its table cannot be told. */
    private readonly explicitTable = new Map<string, TableNode | Unresolved>();
    /** A VPC's (URN's) main table when the stack replaces or manages it. */
    private readonly mainTable = new Map<string, TableNode | Unresolved>();
    /** Keys (URN, id) of instances and interfaces an Elastic IP is associated with, and the EIP's name. */
    private readonly elasticIps = new Map<string, string>();
    private readonly routeMemo = new Map<string, SubnetRoute>();

    constructor(private readonly graph: StackGraph) {
        const resources = graph.resources;
        for (const r of resources) {
            if (AWS_VPC_TYPES.has(r.type)) {
                for (const key of idOrUrn(r)) this.vpcByKey.set(key, r);
                for (const output of VPC_MAIN_ROUTE_TABLE_OUTPUTS) {
                    const id = knownString(field(r.props, output));
                    if (id) this.vpcByKey.set(`main:${id}`, r);
                }
            }
            const kind = GATEWAY_KINDS.get(r.type);
            if (kind) for (const key of idOrUrn(r)) this.gatewayByKey.set(key, { resource: r, kind });
        }
        for (const r of resources) {
            if (r.type !== ROUTE_TABLE.type && r.type !== DEFAULT_ROUTE_TABLE.type) continue;
            const node = this.inlineTable(r);
            for (const key of idOrUrn(r)) this.tableByKey.set(key, node);
            if (r.type === DEFAULT_ROUTE_TABLE.type) {
                const raw = field(r.props, DEFAULT_ROUTE_TABLE.table);
                const id = knownString(raw);
                const vpc = id
                    ? this.vpcByKey.get(`main:${id}`)
                    : dependenciesOf(r, DEFAULT_ROUTE_TABLE.table)
                          .map((urn) => this.vpcByKey.get(urn))
                          .find((v) => v !== undefined);
                if (id) this.tableByKey.set(id, node);
                if (vpc) this.mainTable.set(vpc.urn, node);
            }
        }
        for (const r of resources) {
            if (r.type === STANDALONE_ROUTE.type) {
                const table = this.tableNamed(r, STANDALONE_ROUTE.table);
                if (table && !isUnresolved(table))
                    table.routes.push(this.routeFact(r, STANDALONE_ROUTE.gateway, r.props, STANDALONE_ROUTE, `route "${r.name}"`));
            } else if (r.type === ROUTE_TABLE_ASSOCIATION.type) {
                const table = this.tableNamed(r, ROUTE_TABLE_ASSOCIATION.table);
                for (const key of graph.subnetKeys(r, ROUTE_TABLE_ASSOCIATION.subnet, [field(r.props, ROUTE_TABLE_ASSOCIATION.subnet)])) {
                    const subnet = graph.subnetByKey(key);
                    if (subnet && table) this.explicitTable.set(subnet.urn, table);
                }
            } else if (r.type === MAIN_ROUTE_TABLE_ASSOCIATION.type) {
                const vpcKey = graph.referenced(r, MAIN_ROUTE_TABLE_ASSOCIATION.vpc, field(r.props, MAIN_ROUTE_TABLE_ASSOCIATION.vpc));
                const vpc = vpcKey !== undefined ? this.vpcByKey.get(vpcKey) : undefined;
                const table = this.tableNamed(r, MAIN_ROUTE_TABLE_ASSOCIATION.table);
                if (vpc && table) this.mainTable.set(vpc.urn, table);
            } else if (r.type === EIP.type || r.type === EIP_ASSOCIATION.type) {
                const spec = r.type === EIP.type ? EIP : EIP_ASSOCIATION;
                for (const property of [spec.instance, spec.networkInterface]) {
                    const key = graph.referenced(r, property, field(r.props, property));
                    if (key === undefined) continue;
                    const target = graph.resourceByUrn(key);
                    for (const k of target ? idOrUrn(target) : [key]) this.elasticIps.set(k, r.name);
                }
            }
        }
    }

    private inlineTable(resource: AnalyzedResource): TableNode {
        const node: TableNode = { resource, routes: [] };
        const raw = field(resource.props, ROUTE_TABLE.routes);
        if (isUnknown(raw)) node.unreadable = unknownAt(`${resource.name}.routes`);
        else if (Array.isArray(raw)) {
            raw.forEach((route, i) => {
                if (isUnknown(route)) node.routes.push(this.unknownRoute(`routes[${i}]`, unknownAt(`${resource.name}.routes[${i}]`)));
                else node.routes.push(this.routeFact(resource, ROUTE_TABLE.routes, route, INLINE_ROUTE, `routes[${i}]`));
            });
        }
        return node;
    }

    private unknownRoute(where: string, unresolved: Unresolved): RouteFact {
        return { destination: { 4: unresolved, 6: unresolved }, target: { internet: "maybe", label: "a gateway not known yet", unresolved }, where };
    }

    /** A table named in `property`: by known id, else the one table that fed it; an Unresolved when it cannot be told. */
    private tableNamed(holder: AnalyzedResource, property: string): TableNode | Unresolved | undefined {
        const raw = field(holder.props, property);
        const key = this.graph.referenced(holder, property, raw);
        const table = key !== undefined ? this.tableByKey.get(key) : undefined;
        if (table) return table;
        if (isUnknown(raw)) return unknownAt(`${holder.name}.${property}`);
        return undefined;
    }

    private routeFact(
        holder: AnalyzedResource,
        dependencyProperty: string,
        route: unknown,
        spec: { v4: string; v6: string; gateway: string; egressOnly: string; nat: string },
        where: string,
    ): RouteFact {
        const destination = (property: string): string | Unresolved | undefined => {
            const raw = field(route, property);
            if (isUnknown(raw)) return unknownAt(`${holder.name}.${where === `route "${holder.name}"` ? property : `${where}.${property}`}`);
            return typeof raw === "string" ? raw.trim() : undefined;
        };
        return { destination: { 4: destination(spec.v4), 6: destination(spec.v6) }, target: this.routeTarget(holder, dependencyProperty, route, spec), where };
    }

    private routeTarget(
        holder: AnalyzedResource,
        dependencyProperty: string,
        route: unknown,
        spec: { gateway: string; egressOnly: string; nat: string },
    ): RouteTarget {
        if (field(route, spec.egressOnly) !== undefined) return { internet: "no", label: "an egress-only internet gateway (outbound only)" };
        if (field(route, spec.nat) !== undefined) return { internet: "no", label: "a NAT gateway (outbound only)" };
        const raw = field(route, spec.gateway);
        if (raw === undefined) return { internet: "no", label: "no internet gateway" };
        const id = knownString(raw);
        if (id !== undefined) {
            const gateway = this.gatewayByKey.get(id);
            const kind = gateway?.kind ?? gatewayKindOfId(id);
            const label = gateway ? `${gatewayWords(gateway.kind)} "${gateway.resource.name}"` : id;
            if (kind === undefined)
                return {
                    internet: "maybe",
                    label: id,
                    unresolved: malformedAt(`${holder.name}.${spec.gateway}`, id, "not an id of a gateway tierguard recognises"),
                };
            return { internet: kind === "internet" ? "yes" : "no", label };
        }
        // Not known yet: the gateways that fed the property (an internet gateway or a virtual private gateway go into gatewayId).
        const candidates = dependenciesOf(holder, dependencyProperty)
            .map((urn) => this.gatewayByKey.get(urn))
            .filter((g): g is { resource: AnalyzedResource; kind: GatewayKind } => g !== undefined && (g.kind === "internet" || g.kind === "other"));
        const unresolved = unknownAt(`${holder.name}.${spec.gateway}`);
        if (candidates.length > 0 && candidates.every((g) => g.kind === "internet"))
            return { internet: "yes", label: `internet gateway "${candidates[0].resource.name}"` };
        if (candidates.length > 0 && candidates.every((g) => g.kind !== "internet"))
            return { internet: "no", label: `gateway "${candidates[0].resource.name}"` };
        return { internet: "maybe", label: "a gateway not known yet", unresolved };
    }

    /** The route from the internet gateway to a subnet for one family: yes (with the hops), no (why not), or maybe. */
    subnetRoute(subnetKey: string, family: Family): SubnetRoute {
        const subnet = this.graph.subnetByKey(subnetKey);
        const memoKey = `${subnet?.urn ?? subnetKey}|${family}`;
        let answer = this.routeMemo.get(memoKey);
        if (!answer) {
            answer = this.computeSubnetRoute(subnet, subnetKey, family);
            this.routeMemo.set(memoKey, answer);
        }
        return answer;
    }

    private computeSubnetRoute(subnet: AnalyzedResource | undefined, subnetKey: string, family: Family): SubnetRoute {
        if (!subnet) {
            return {
                verdict: "maybe",
                subnet: subnetKey,
                text: `subnet ${subnetKey} is not in the stack, so its routes are unknown`,
                unresolved: unknownAt(subnetKey),
            };
        }
        const label = `subnet "${subnet.name}"`;
        const explicit = this.explicitTable.get(subnet.urn);
        let table: TableNode | Unresolved | undefined = explicit;
        let how = "its explicit association";
        if (explicit === undefined) {
            how = "the VPC's main route table";
            const vpcKey = this.graph.referenced(subnet, SUBNET_PROPERTIES.vpc, field(subnet.props, SUBNET_PROPERTIES.vpc));
            const vpc = vpcKey !== undefined ? this.vpcByKey.get(vpcKey) : undefined;
            if (!vpc) {
                const unresolved = unknownAt(`${subnet.name}.vpcId`);
                return {
                    verdict: "maybe",
                    subnet: label,
                    text: `${label} has no route table association and its VPC is not in the stack, so its main route table is unknown`,
                    unresolved,
                };
            }
            table = this.mainTable.get(vpc.urn);
            if (table === undefined)
                return {
                    verdict: "no",
                    subnet: label,
                    text: `${label} uses the main route table of VPC "${vpc.name}", which AWS creates with only the local route`,
                };
        }
        if (table === undefined) return { verdict: "no", subnet: label, text: `${label} has no route table` };
        if (isUnresolved(table))
            return { verdict: "maybe", subnet: label, text: `the route table of ${label} is not known yet (${describeUnresolved(table)})`, unresolved: table };
        const tableLabel = `route table "${table.resource.name}"`;
        const wanted = DEFAULT_ROUTE[family];
        const maybes: Hop[] = [];
        for (const route of table.routes) {
            const destination = route.destination[family];
            if (destination === undefined) continue;
            const isDefault: Tri = isUnresolved(destination) ? "maybe" : destination === wanted ? "yes" : "no";
            if (isDefault === "no" || route.target.internet === "no") continue;
            if (isDefault === "yes" && route.target.internet === "yes") {
                return { verdict: "yes", subnet: label, text: `${route.target.label} → ${tableLabel} (${route.where}: ${wanted}, ${how}) → ${label}` };
            }
            const unresolved = isUnresolved(destination) ? destination : route.target.unresolved;
            maybes.push({
                verdict: "maybe",
                text: `${tableLabel} ${route.where} may send ${wanted} to an internet gateway (${unresolved ? describeUnresolved(unresolved) : "its target is not known yet"})`,
                unresolved,
            });
        }
        if (maybes.length > 0) return { ...maybes[0], subnet: label };
        if (table.unreadable)
            return {
                verdict: "maybe",
                subnet: label,
                text: `the routes of ${tableLabel} are not known yet (${describeUnresolved(table.unreadable)})`,
                unresolved: table.unreadable,
            };
        return { verdict: "no", subnet: label, text: `${tableLabel} (${how} of ${label}) has no ${wanted} route to an internet gateway` };
    }

    /** Does the carrier have a public address of the family in this subnet (its own switch, the subnet's default, an Elastic IP)? */
    address(carrier: Carrier, subnetKey: string | undefined, family: Family): Hop {
        const resource = carrier.resource;
        if (family === 4) {
            const eip = idOrUrn(resource)
                .map((k) => this.elasticIps.get(k))
                .find((n) => n !== undefined);
            if (eip !== undefined) return { verdict: "yes", text: `public IP: Elastic IP "${eip}"` };
            // An Elastic IP on a network interface the resource is launched on is the resource's address.
            for (const eni of carrier.interfaces ?? []) {
                const onEni = idOrUrn(eni)
                    .map((k) => this.elasticIps.get(k))
                    .find((n) => n !== undefined);
                if (onEni !== undefined) return { verdict: "yes", text: `public IP: Elastic IP "${onEni}" on network interface "${eni.name}"` };
            }
        }
        let own = family === 4 ? ownPublicAddress(resource.type, resource.props) : ownIpv6Address(resource.type, resource.props);
        const kind = family === 4 ? "public IP" : "IPv6 address";
        if (own === undefined) return { verdict: "no", text: `it has no ${kind}` };
        // Launched from a template: the template's interface decides before the subnet does.
        const template = carrier.launchTemplate;
        if (own.verdict === "subnet" && template) {
            if ("unresolved" in template) {
                const which = template.candidates.length > 1 ? ` (one of ${template.candidates.map((c) => `"${c.name}"`).join(", ")})` : "";
                return {
                    verdict: "maybe",
                    text: `whether it gets a ${kind} is not known: its launch template${which} is not known yet (${describeUnresolved(template.unresolved)})`,
                    unresolved: template.unresolved,
                };
            }
            own = templateAddress(template.resource.name, template.resource.props, family);
        }
        // AWS assigns a public IPv4 address automatically only to a new primary interface, never to an existing one the resource is launched on.
        const fromSubnet = this.fromOwn(own, kind, subnetKey, family);
        const existing = carrier.interfaces?.[0];
        if (family === 4 && own.verdict === "subnet" && existing && fromSubnet.verdict !== "no")
            return { verdict: "no", text: `it has no public IP (it is launched on network interface "${existing.name}", which gets none from the subnet)` };
        return fromSubnet;
    }

    private fromOwn(own: OwnPublicAddress, kind: string, subnetKey: string | undefined, family: Family): Hop {
        switch (own.verdict) {
            case "yes":
                return { verdict: "yes", text: `${kind}: ${own.because}` };
            case "no":
                return { verdict: "no", text: `it has no ${kind}` };
            case "maybe":
                return { verdict: "maybe", text: `whether it gets a ${kind} is not known (${describeUnresolved(own.unresolved)})`, unresolved: own.unresolved };
        }
        const property = family === 4 ? SUBNET_PROPERTIES.mapPublicIp : SUBNET_PROPERTIES.assignIpv6;
        const subnet = subnetKey !== undefined ? this.graph.subnetByKey(subnetKey) : undefined;
        if (!subnet) {
            const where =
                subnetKey === undefined
                    ? "it names no subnet (AWS launches it in the default VPC, whose subnets are public)"
                    : `subnet ${subnetKey} is not in the stack`;
            return { verdict: "maybe", text: `whether it gets a ${kind} is not known: ${where}`, unresolved: unknownAt(subnetKey ?? "subnetId") };
        }
        const value = readBoolean(field(subnet.props, property), `${subnet.name}.${property}`);
        if (isUnresolved(value)) return { verdict: "maybe", text: `whether it gets a ${kind} is not known (${describeUnresolved(value)})`, unresolved: value };
        return value
            ? { verdict: "yes", text: `${kind}: subnet "${subnet.name}" has ${property} and the resource does not override it` }
            : { verdict: "no", text: `it has no ${kind} (subnet "${subnet.name}" does not set ${property})` };
    }

    /** Can the internet reach the carrier directly in some subnet, for one family? The best answer over its subnets. */
    directReach(
        carrier: Carrier,
        family: Family,
        gate: (subnetKey: string | undefined) => Hop = () => ({ verdict: "yes", text: "" }),
        /** The address, when the resource's type decides it (an internet-facing load balancer). */
        given?: Hop,
    ): DirectReach {
        const keys = this.distinctSubnets(carrier);
        if (keys.length === 0) {
            const address = given ?? this.address(carrier, undefined, family);
            const nacl = gate(undefined);
            if (address.verdict === "no") return { verdict: "no", route: address, address, nacl, subnet: "" };
            const route: Hop = { verdict: "maybe", text: "it names no subnet, so its route table is unknown", unresolved: unknownAt("subnet") };
            return { verdict: nacl.verdict === "no" ? "no" : "maybe", route, address, nacl, subnet: "" };
        }
        let best: DirectReach | undefined;
        for (const key of keys) {
            const address = given ?? this.address(carrier, key, family);
            const route = address.verdict === "no" ? { verdict: "no" as Tri, text: "", subnet: key } : this.subnetRoute(key, family);
            const nacl = address.verdict === "no" || route.verdict === "no" ? { verdict: "no" as Tri, text: "" } : gate(key);
            const verdicts = [address.verdict, route.verdict, nacl.verdict];
            const verdict: Tri = verdicts.includes("no") ? "no" : verdicts.every((v) => v === "yes") ? "yes" : "maybe";
            const candidate: DirectReach = { verdict, route, address, nacl, subnet: route.subnet };
            if (!best || rank(verdict) > rank(best.verdict)) best = candidate;
            if (verdict === "yes") break;
        }
        return best!;
    }

    private distinctSubnets(carrier: Carrier): string[] {
        const seen = new Set<string>();
        const out: string[] = [];
        for (const key of carrier.subnets) {
            const identity = this.graph.subnetByKey(key)?.urn ?? key;
            if (seen.has(identity)) continue;
            seen.add(identity);
            out.push(key);
        }
        return out;
    }

    /** Subnet keys the carrier sits in (for callers that walk subnets themselves). */
    subnetsOf(carrier: Carrier): string[] {
        return this.distinctSubnets(carrier);
    }
}

function rank(verdict: Tri): number {
    return verdict === "yes" ? 2 : verdict === "maybe" ? 1 : 0;
}

function gatewayWords(kind: GatewayKind): string {
    switch (kind) {
        case "internet":
            return "internet gateway";
        case "egress-only":
            return "egress-only internet gateway";
        case "nat":
            return "NAT gateway";
        default:
            return "gateway";
    }
}
