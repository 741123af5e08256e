/**
 * Routing and addressing facts of the stack graph: which route table each subnet uses (its explicit
 * association, else its VPC's main table), whether the table's longest-prefix match sends some internet
 * address to an internet gateway (0.0.0.0/0, 0.0.0.0/1 + 128.0.0.0/1, a managed prefix list, ... with
 * more specific routes elsewhere taken out), whether VPC Block Public Access blocks it, and which
 * resources have a public address (their own switch, their subnet's default, an Elastic IP). Indexed
 * once per stack on first use, each answer memoised per subnet (and route table), so a reachability pass
 * stays linear in the number of resources. Every answer is three-valued: an id or switch not known yet
 * is "maybe", never a pass.
 */
import {
    AWS_VPC_TYPES,
    BPA_BLOCKING_MODES,
    BPA_EXCLUSION,
    BPA_EXCLUSION_MODES,
    BPA_EXCLUSION_TYPES,
    BPA_INGRESS_EXCLUSION_MODES,
    BPA_MODES,
    BPA_OPTIONS,
    BPA_OPTIONS_TYPES,
    DEFAULT_ROUTE_TABLE,
    ELASTIC_IPS,
    GATEWAY_KINDS,
    GatewayKind,
    INLINE_ROUTE,
    MAIN_ROUTE_TABLE_ASSOCIATION,
    NATIVE_ROUTE_TABLE,
    OwnPublicAddress,
    ROUTE_TABLE,
    ROUTE_TABLE_ASSOCIATION,
    ROUTE_TABLE_ASSOCIATIONS,
    RouteSpec,
    STANDALONE_ROUTES,
    SUBNET_PROPERTIES,
    VPC_MAIN_ROUTE_TABLE_OUTPUTS,
    gatewayKindOfId,
    ownIpv6Address,
    ownPublicAddress,
    templateAddress,
} from "../adapters/routing";
import { Cidr, DEFAULT_INTERNET_OPTIONS, InternetOptions, definitionKey, judgeAddressSet, parseCidr } from "../model/addresses";
import { Interval, normalize } from "../model/addressSet";
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
    /** A managed prefix list as the destination: the route's holder and the property naming it. */
    prefixList?: { holder: AnalyzedResource; property: string; raw: unknown };
    target: RouteTarget;
    /** `routes[0]`, or `route "name"`. */
    where: string;
}

/** One destination block of a route (a CIDR, or one entry of its prefix list), for the longest-prefix match. */
interface Destination {
    cidr: Cidr;
    /** As the hop shows it: `0.0.0.0/1`, `prefix list "office" 0.0.0.0/0`. */
    text: string;
    route: RouteFact;
    /** An entry of a prefix list: a static (CIDR) route with the same destination wins over it. */
    fromList?: boolean;
}

/** VPC Block Public Access for one subnet: does it block traffic from the internet through its internet gateway? */
interface BlockPublicAccess {
    blocks: Tri;
    /** "yes": why it blocks; "no": the exclusion that reopens it, or ""; "maybe": what is not known. */
    text: string;
    unresolved?: Unresolved;
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

/** A route table's answer for one family: the route that sends internet addresses to an internet gateway, or the first doubt. */
interface TableAnswer {
    yes?: { route: RouteFact; text: string };
    maybe?: Hop;
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
    private readonly tableMemo = new Map<TableNode, Map<string, TableAnswer>>();
    /** VPC Block Public Access: the region-wide options resources, and exclusions by subnet or VPC URN (or unscoped). */
    private readonly bpaOptions: AnalyzedResource[] = [];
    private readonly bpaExclusions = new Map<string, AnalyzedResource[]>();
    private readonly bpaUnscopedExclusions: AnalyzedResource[] = [];

    constructor(private readonly graph: StackGraph) {
        const resources = graph.resources;
        for (let at = 0; at < resources.length; at++) {
            const r = resources[at];
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
        for (let at = 0; at < resources.length; at++) {
            const r = resources[at];
            if (r.type !== ROUTE_TABLE.type && r.type !== DEFAULT_ROUTE_TABLE.type && r.type !== NATIVE_ROUTE_TABLE) continue;
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
        for (let at = 0; at < resources.length; at++) {
            const r = resources[at];
            const standalone = STANDALONE_ROUTES.get(r.type);
            if (standalone) {
                const table = this.tableNamed(r, standalone.table);
                if (table && !isUnresolved(table)) table.routes.push(this.routeFact(r, undefined, r.props, standalone, `route "${r.name}"`));
            } else if (ROUTE_TABLE_ASSOCIATIONS.has(r.type)) {
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
            } else if (ELASTIC_IPS.has(r.type)) {
                const spec = ELASTIC_IPS.get(r.type)!;
                for (const property of [spec.instance, spec.networkInterface]) {
                    if (property === undefined) continue;
                    const key = graph.referenced(r, property, field(r.props, property));
                    if (key === undefined) continue;
                    const target = graph.resourceByUrn(key);
                    for (const k of target ? idOrUrn(target) : [key]) this.elasticIps.set(k, r.name);
                }
            } else if (BPA_OPTIONS_TYPES.has(r.type)) {
                this.bpaOptions.push(r);
            } else if (BPA_EXCLUSION_TYPES.has(r.type)) {
                this.indexExclusion(r);
            }
        }
    }

    /** An exclusion applies to one subnet or one VPC; one whose scope cannot be told may apply to any. */
    private indexExclusion(r: AnalyzedResource): void {
        const scopes: string[] = [];
        let unknownScope = false;
        for (const property of [BPA_EXCLUSION.subnet, BPA_EXCLUSION.vpc]) {
            const raw = field(r.props, property);
            if (raw === undefined) continue;
            const key = this.graph.referenced(r, property, raw);
            const scope = key === undefined ? undefined : property === BPA_EXCLUSION.subnet ? this.graph.subnetByKey(key) : this.vpcByKey.get(key);
            if (scope) scopes.push(scope.urn);
            else if (key !== undefined) scopes.push(key);
            else unknownScope = true;
        }
        if (unknownScope && scopes.length === 0) this.bpaUnscopedExclusions.push(r);
        for (const scope of scopes) {
            const list = this.bpaExclusions.get(scope);
            if (list) list.push(r);
            else this.bpaExclusions.set(scope, [r]);
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

    /** A route: inline (`dependencyProperty` is the holder's `routes`) or standalone (undefined: each property's own dependencies). */
    private routeFact(holder: AnalyzedResource, dependencyProperty: string | undefined, route: unknown, spec: RouteSpec, where: string): RouteFact {
        const standalone = dependencyProperty === undefined;
        const propertyName = (property: string) => `${holder.name}.${standalone ? property : `${where}.${property}`}`;
        const destination = (property: string): string | Unresolved | undefined => {
            const raw = field(route, property);
            if (isUnknown(raw)) return unknownAt(propertyName(property));
            return typeof raw === "string" ? raw.trim() : undefined;
        };
        const rawList = field(route, spec.prefixList);
        const prefixList = rawList === undefined ? undefined : { holder, property: standalone ? spec.prefixList : `${where}.${spec.prefixList}`, raw: rawList };
        return {
            destination: { 4: destination(spec.v4), 6: destination(spec.v6) },
            prefixList,
            target: this.routeTarget(holder, dependencyProperty ?? spec.gateway, route, spec),
            where,
        };
    }

    private routeTarget(holder: AnalyzedResource, dependencyProperty: string, route: unknown, spec: RouteSpec): RouteTarget {
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
    subnetRoute(subnetKey: string, family: Family, options: InternetOptions = DEFAULT_INTERNET_OPTIONS): SubnetRoute {
        const subnet = this.graph.subnetByKey(subnetKey);
        const memoKey = `${subnet?.urn ?? subnetKey}|${family}|${definitionKey(options)}`;
        let answer = this.routeMemo.get(memoKey);
        if (!answer) {
            answer = this.withBlockPublicAccess(subnet, this.computeSubnetRoute(subnet, subnetKey, family, options));
            this.routeMemo.set(memoKey, answer);
        }
        return answer;
    }

    private vpcOf(subnet: AnalyzedResource): AnalyzedResource | undefined {
        const vpcKey = this.graph.referenced(subnet, SUBNET_PROPERTIES.vpc, field(subnet.props, SUBNET_PROPERTIES.vpc));
        return vpcKey !== undefined ? this.vpcByKey.get(vpcKey) : undefined;
    }

    private computeSubnetRoute(subnet: AnalyzedResource | undefined, subnetKey: string, family: Family, options: InternetOptions): SubnetRoute {
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
            const vpc = this.vpcOf(subnet);
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
        const answer = this.judgeTable(table, family, options);
        if (answer.yes) {
            const { route, text } = answer.yes;
            return { verdict: "yes", subnet: label, text: `${route.target.label} → ${tableLabel} (${route.where}: ${text}, ${how}) → ${label}` };
        }
        if (answer.maybe) return { ...answer.maybe, text: `${tableLabel} ${answer.maybe.text}`, subnet: label };
        if (table.unreadable)
            return {
                verdict: "maybe",
                subnet: label,
                text: `the routes of ${tableLabel} are not known yet (${describeUnresolved(table.unreadable)})`,
                unresolved: table.unreadable,
            };
        return {
            verdict: "no",
            subnet: label,
            text: `${tableLabel} (${how} of ${label}) has no ${DEFAULT_ROUTE[family]} route to an internet gateway, nor any route sending internet addresses there`,
        };
    }

    /**
     * Does the table's longest-prefix match send some internet address to an internet gateway? Traffic from
     * an internet address S comes back only if the route for S goes to the gateway, so the table is open
     * to the internet when, for some route to an internet gateway, the addresses it wins (its block minus
     * more specific routes) are "the internet" by the pack's definition. Memoised per table.
     */
    private judgeTable(table: TableNode, family: Family, options: InternetOptions): TableAnswer {
        const key = `${family}|${definitionKey(options)}`;
        let byKey = this.tableMemo.get(table);
        if (!byKey) this.tableMemo.set(table, (byKey = new Map()));
        let answer = byKey.get(key);
        if (!answer) byKey.set(key, (answer = this.computeTable(table, family, options)));
        return answer;
    }

    private computeTable(table: TableNode, family: Family, options: InternetOptions): TableAnswer {
        const destinations: Destination[] = [];
        const maybes: Hop[] = [];
        const mayReach = (route: RouteFact, what: string, unresolved: Unresolved | undefined, why?: string) =>
            maybes.push({
                verdict: "maybe",
                text: `${route.where} may send ${what} to an internet gateway (${why ?? (unresolved ? describeUnresolved(unresolved) : "its target is not known yet")})`,
                unresolved,
            });
        for (const route of table.routes) {
            // Routes to other targets stay in: a more specific one takes its addresses from a route to the gateway.
            const toGateway = route.target.internet !== "no";
            const destination = route.destination[family];
            if (destination !== undefined) {
                if (isUnresolved(destination)) {
                    if (toGateway) mayReach(route, DEFAULT_ROUTE[family], destination);
                    continue;
                }
                const cidr = parseCidr(destination);
                if (typeof cidr === "string") {
                    if (!toGateway) continue;
                    const property = `${table.resource.name}.${route.where}`;
                    mayReach(route, destination, malformedAt(property, destination, cidr));
                } else if (cidr.family === family) destinations.push({ cidr, text: destination, route });
            }
            if (route.prefixList) this.prefixListDestinations(route, family, destinations, mayReach);
        }
        const winsOf = addressesWon(destinations);
        // What the routes to an internet gateway win together (yes), and with the ones that may lead there (maybe).
        const won: { yes: Interval[]; maybe: Interval[]; yesBy: Destination[]; maybeBy: Destination[] } = { yes: [], maybe: [], yesBy: [], maybeBy: [] };
        for (const d of destinations) {
            const wins = winsOf.get(d) ?? [];
            if (d.route.target.internet === "no" || wins.length === 0) continue;
            if (d.route.target.internet === "yes") {
                // One route alone is the shortest hop to read; else the routes to the gateway together (monotone: a route added there never takes reach away).
                if (judgeAddressSet(wins, family, options).internet) return { yes: { route: d.route, text: d.text } };
                won.yes.push(...wins);
                won.yesBy.push(d);
            } else {
                if (judgeAddressSet(wins, family, options).internet) mayReach(d.route, d.text, d.route.target.unresolved);
                won.maybe.push(...wins);
                won.maybeBy.push(d);
            }
        }
        if (won.yesBy.length > 0 && judgeAddressSet(normalize(won.yes), family, options).internet) {
            const [first, ...others] = won.yesBy;
            return { yes: { route: first.route, text: [first.text, ...others.map((d) => `${d.route.where}: ${d.text}`)].join(", ") } };
        }
        if (maybes.length === 0 && won.maybeBy.length > 0 && judgeAddressSet(normalize([...won.yes, ...won.maybe]), family, options).internet) {
            const d = won.maybeBy[0];
            mayReach(d.route, `${d.text} (with the table's other routes)`, d.route.target.unresolved);
        }
        return maybes.length > 0 ? { maybe: maybes[0] } : {};
    }

    /** A prefix list as a route's destination: its entries of the family, or "maybe" when the list or an entry cannot be read. */
    private prefixListDestinations(
        route: RouteFact,
        family: Family,
        out: Destination[],
        mayReachAny: (route: RouteFact, what: string, unresolved: Unresolved | undefined, why?: string) => void,
    ): void {
        const { holder, property, raw } = route.prefixList!;
        // A route elsewhere only takes addresses away: its doubts are not doubts about the gateway.
        const toGateway = route.target.internet !== "no";
        const mayReach = (r: RouteFact, what: string, unresolved: Unresolved | undefined, why?: string) => {
            if (toGateway) mayReachAny(r, what, unresolved, why);
        };
        const id = knownString(raw);
        const candidates = this.graph.resolvePrefixLists(holder, { kind: "prefixList", id, property });
        const named = id ?? "a prefix list not known yet";
        if (candidates.length === 0) {
            if (isUnknown(raw)) mayReach(route, `prefix list ${named}`, unknownAt(`${holder.name}.${property}`));
            else
                mayReach(
                    route,
                    `prefix list ${named}`,
                    malformedAt(`${holder.name}.${property}`, raw, "a prefix list outside the stack"),
                    "the list is not in the stack, so its entries are unknown",
                );
            return;
        }
        if (candidates.length > 1 || !candidates[0].certain) {
            mayReach(route, `prefix list ${named}`, unknownAt(`${holder.name}.${property}`));
            return;
        }
        const list = candidates[0].list;
        const listLabel = `prefix list "${list.resource.name}"`;
        if (list.unreadable) mayReach(route, listLabel, list.unreadable);
        for (const entry of list.entries) {
            if (entry.kind === "cidr") {
                if (entry.cidr.family === family) out.push({ cidr: entry.cidr, text: `${listLabel} ${entry.cidr.text}`, route, fromList: true });
            } else if (entry.kind === "unresolved") mayReach(route, listLabel, entry.unresolved);
        }
    }

    /** VPC Block Public Access over a subnet's route: a known block turns the route into "no", a possible one into "maybe". */
    private withBlockPublicAccess(subnet: AnalyzedResource | undefined, route: SubnetRoute): SubnetRoute {
        if (route.verdict === "no" || this.bpaOptions.length === 0) return route;
        const bpa = this.blockPublicAccess(subnet);
        if (bpa.blocks === "yes") return { verdict: "no", subnet: route.subnet, text: `${route.subnet} is blocked by ${bpa.text}` };
        if (bpa.blocks === "maybe")
            return {
                verdict: "maybe",
                subnet: route.subnet,
                text: `${route.verdict === "yes" ? `${route.text}, but ` : `${route.text}; and `}${bpa.text}`,
                unresolved: bpa.unresolved ?? route.unresolved,
            };
        return bpa.text ? { ...route, text: `${route.text} (${bpa.text})` } : route;
    }

    /** Does VPC Block Public Access block internet traffic into the subnet? Both modes block ingress through internet gateways; only an allow-bidirectional exclusion of the subnet or its VPC reopens it. */
    private blockPublicAccess(subnet: AnalyzedResource | undefined): BlockPublicAccess {
        let mode: { name: string; resource: AnalyzedResource } | undefined;
        for (const r of this.bpaOptions) {
            const raw = field(r.props, BPA_OPTIONS.mode);
            if (isUnknown(raw)) {
                const unresolved = unknownAt(`${r.name}.${BPA_OPTIONS.mode}`);
                return {
                    blocks: "maybe",
                    text: `whether VPC Block Public Access "${r.name}" blocks it is not known (${describeUnresolved(unresolved)})`,
                    unresolved,
                };
            }
            if (typeof raw !== "string" || !BPA_MODES.has(raw)) {
                const unresolved = malformedAt(`${r.name}.${BPA_OPTIONS.mode}`, raw, "not a VPC Block Public Access mode");
                return {
                    blocks: "maybe",
                    text: `whether VPC Block Public Access "${r.name}" blocks it is not known (${describeUnresolved(unresolved)})`,
                    unresolved,
                };
            }
            if (BPA_BLOCKING_MODES.has(raw)) mode ??= { name: raw, resource: r };
        }
        if (!mode) return { blocks: "no", text: "" };
        const blockedBy = `VPC Block Public Access (${mode.name}) "${mode.resource.name}"`;
        if (!subnet && this.bpaExclusions.size > 0) {
            const unresolved = unknownAt("subnet");
            return { blocks: "maybe", text: `${blockedBy} applies unless one of the stack's exclusions names its subnet, which is not known`, unresolved };
        }
        // The subnet's VPC: one of the stack (by URN), or the id it names (a VPC outside the stack).
        const vpcKey = subnet ? this.graph.referenced(subnet, SUBNET_PROPERTIES.vpc, field(subnet.props, SUBNET_PROPERTIES.vpc)) : undefined;
        const vpc = vpcKey !== undefined ? this.vpcByKey.get(vpcKey) : undefined;
        const scopes = [subnet?.urn, vpc?.urn ?? vpcKey].filter((k): k is string => k !== undefined);
        const scoped = [...new Set(scopes.flatMap((k) => this.bpaExclusions.get(k) ?? []))];
        let maybe: BlockPublicAccess | undefined;
        for (const exclusion of [...scoped, ...this.bpaUnscopedExclusions]) {
            const certain = scoped.includes(exclusion) && subnet !== undefined;
            const raw = field(exclusion.props, BPA_EXCLUSION.mode);
            const scope = field(exclusion.props, BPA_EXCLUSION.subnet) !== undefined ? "subnet" : "VPC";
            if (typeof raw === "string" && BPA_EXCLUSION_MODES.has(raw) && !BPA_INGRESS_EXCLUSION_MODES.has(raw)) continue;
            if (certain && typeof raw === "string" && BPA_INGRESS_EXCLUSION_MODES.has(raw))
                return { blocks: "no", text: `${blockedBy} excludes its ${scope} by exclusion "${exclusion.name}" (${raw})` };
            const unresolved = isUnknown(raw)
                ? unknownAt(`${exclusion.name}.${BPA_EXCLUSION.mode}`)
                : !certain
                  ? unknownAt(`${exclusion.name}.${BPA_EXCLUSION.subnet}`)
                  : malformedAt(`${exclusion.name}.${BPA_EXCLUSION.mode}`, raw, "not a VPC Block Public Access exclusion mode");
            maybe ??= {
                blocks: "maybe",
                text: `${blockedBy} applies unless exclusion "${exclusion.name}" reopens it (${describeUnresolved(unresolved)})`,
                unresolved,
            };
        }
        return maybe ?? { blocks: "yes", text: blockedBy };
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
        options: InternetOptions = DEFAULT_INTERNET_OPTIONS,
    ): DirectReach {
        const keys = this.distinctSubnets(carrier);
        if (keys.length === 0) {
            const address = given ?? this.address(carrier, undefined, family);
            const nacl = gate(undefined);
            if (address.verdict === "no") return { verdict: "no", route: address, address, nacl, subnet: "" };
            const route: Hop = this.withBlockPublicAccess(undefined, {
                verdict: "maybe",
                subnet: "",
                text: "it names no subnet, so its route table is unknown",
                unresolved: unknownAt("subnet"),
            });
            return { verdict: nacl.verdict === "no" || route.verdict === "no" ? "no" : "maybe", route, address, nacl, subnet: "" };
        }
        let best: DirectReach | undefined;
        for (const key of keys) {
            const address = given ?? this.address(carrier, key, family);
            const route = address.verdict === "no" ? { verdict: "no" as Tri, text: "", subnet: key } : this.subnetRoute(key, family, options);
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

/**
 * The addresses each destination wins by longest-prefix match: its block minus the more specific blocks
 * inside it (CIDR blocks are nested or disjoint, so one walk in address order finds them, O(n log n));
 * of two equal blocks the static route wins over a prefix list's entry (AWS's route priority) and the
 * other wins nothing.
 */
function addressesWon(destinations: readonly Destination[]): Map<Destination, Interval[]> {
    const sorted = [...destinations].sort(
        (a, b) =>
            (a.cidr.first < b.cidr.first ? -1 : a.cidr.first > b.cidr.first ? 1 : 0) ||
            a.cidr.prefix - b.cidr.prefix ||
            Number(a.fromList ?? false) - Number(b.fromList ?? false),
    );
    const won = new Map<Destination, Interval[]>();
    const open: Array<{ d: Destination; cursor: bigint; gaps: Interval[] }> = [];
    const close = () => {
        const node = open.pop()!;
        if (node.cursor <= node.d.cidr.last) node.gaps.push({ first: node.cursor, last: node.d.cidr.last });
        won.set(node.d, node.gaps);
    };
    let previous: Destination | undefined;
    for (const d of sorted) {
        if (previous && previous.cidr.first === d.cidr.first && previous.cidr.prefix === d.cidr.prefix) continue; // the same block: the first wins
        previous = d;
        while (open.length > 0 && open[open.length - 1].d.cidr.last < d.cidr.first) close();
        const parent = open[open.length - 1];
        if (parent) {
            if (parent.cursor < d.cidr.first) parent.gaps.push({ first: parent.cursor, last: d.cidr.first - 1n });
            parent.cursor = d.cidr.last + 1n;
        }
        open.push({ d, cursor: d.cidr.first, gaps: [] });
    }
    while (open.length > 0) close();
    return won;
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
