/**
 * `--graph mermaid|dot`: the stack's network as the stack policies see it — the internet, internet
 * gateways, subnets (public: a default route to an internet gateway; private: none; or not known yet),
 * load balancers and resources, each resource inside the subnet it is drawn under — built as the pack
 * built it (the same resources, deserialized as the SDK does, and the internet definition of the policy
 * config the pack was sent), with the routing facts the pack judges reachability by
 * (policypack/network/routing.ts, internetPaths.ts, loadBalancing.ts).
 *
 * Edges:
 * - reachable: internet → internet gateway → subnet → resource, labelled with the protocol and ports
 *   the internet reaches the resource on (its security-group rule, through the subnet's route, network
 *   ACL and the resource's public address);
 * - latent: internet ⇢ resource, dashed, for a rule open to the internet on a resource the internet
 *   does not reach today, labelled with the missing hop (defence in depth: one route or address away);
 * - not known: internet ⇢ resource, dashed, when a hop is not known yet (a preview, a subnet outside
 *   the stack);
 * - a tier → resource, labelled with protocol and ports, as the tiers reach each other;
 * - load balancer → target, labelled `listener HTTP 80 → port 8080`.
 *
 * An edge is red when a violation names a path along it: tierguard's own pack's violations carry their
 * paths (see cli/engine/ruleFacts.ts), and every edge of the path (internet, gateway, subnet) turns red;
 * an internet-exposure violation through a load balancer carries no edge, so the load balancer's paths
 * to that target (and the internet's to the load balancer) are red. A latent path a violation names is
 * dashed amber, never red: the internet does not take it today. Another pack's violations carry no
 * paths, so with one no edge is coloured and a legend says why.
 *
 * Placement: a resource is drawn once, under the first of its subnets through which the internet
 * reaches it, else under its first subnet, with "+N subnets" in its label; one naming no subnet goes
 * in "no subnet in the stack". Bounded: at most MAX_RESOURCES resources (those on red paths first, then
 * on amber latent ones, then on other internet paths, then the rest, in stack order), MAX_SUBNETS subnets
 * and MAX_EDGES edges are drawn, and a note node says what was left out — Mermaid refuses graphs with
 * more than 500 edges; a Mermaid graph longer than MERMAID_MAX_TEXT characters draws fewer resources
 * (and only the subnets holding them) until it fits, so `--format markdown` embeds one GitHub renders.
 * The analysis is one pass over the carriers (routes memoised per subnet, ACL answers per ACL).
 *
 * Every node id is tierguard's (internet, gw<n>, sb<n>/sn<n>, n<n>, tier_<tier>, no_subnet,
 * not_checked, legend, more); names and everything else from the stack only ever appear inside a
 * quoted label, escaped for the graph's language, so a label cannot end its string, start a statement
 * or (in Mermaid) a directive.
 */
import { stackGraphInProcess } from "../../policypack/inProcess";
import { Path, pathsTo } from "../../policypack/network/reachability";
import { familiesOf, naclGate, trafficOfRule } from "../../policypack/network/internetPaths";
import { LoadBalancing, portText } from "../../policypack/network/loadBalancing";
import { DirectReach, Hop } from "../../policypack/network/routing";
import { Carrier, StackGraph } from "../../policypack/network/graph";
import { AWS_VPC_TYPES, GATEWAY_KINDS, SUBNET_PROPERTIES } from "../../policypack/adapters/routing";
import { InternetOptions } from "../../policypack/model/addresses";
import { Tri } from "../../policypack/model/exposure";
import { field, isUnknown, readBoolean } from "../../policypack/model/propertyReaders";
import { AnalyzedResource } from "../../policypack/model/resource";
import { isUnresolved } from "../../policypack/model/unresolved";
import { protocolAndPorts } from "../../policypack/model/rule";
import { stackAsSent } from "../engine/capturedStack";
import { CheckReport } from "./checkReport";
import { dotString, mermaidString } from "./escape";

export type GraphFormat = "mermaid" | "dot";

/** The most resources, subnets and edges one graph draws (Mermaid refuses more than 500 edges). */
export const MAX_RESOURCES = 200;
export const MAX_SUBNETS = 100;
export const MAX_EDGES = 450;
/** Mermaid's default maxTextSize: a longer diagram is not drawn (GitHub shows an error instead). */
export const MERMAID_MAX_TEXT = 50_000;
/** The most security groups a resource's label names. */
const MAX_GROUPS = 3;
/** Names longer than this are cut (with "…") in labels, so one name cannot fill a Markdown comment. */
const MAX_NAME = 100;

/** How an edge is drawn: solid (reachable today, or between tiers), dashed (latent), dotted (not known yet). */
type EdgeKind = "reachable" | "latent" | "unknown" | "tier" | "forward";

interface DrawnEdge {
    key: string;
    from: string;
    to: string;
    kind: EdgeKind;
    labels: string[];
    /** Why the path is latent or not known (its missing or unknown hop). */
    reason?: string;
    violating: boolean;
}

interface DrawnNode {
    id: string;
    label: string;
    shape: "box" | "lb";
}

interface SubnetBox {
    id: number;
    label: string;
    state: string;
    nodes: DrawnNode[];
}

const TIER_ORDER = ["public", "web", "app", "data"];

/** Why no edge is red when violations carry no paths. */
const NO_COLOURS = "violations are not coloured: the findings of another policy pack (--policy-pack) name no paths";
/** What the colours and dashes mean, with tierguard's own pack. */
const LEGEND =
    "legend: red = a path a violation names (every hop of it); solid = the internet reaches it today (load balancer → target: where a listener forwards); dashed 'latent' = open to the internet, but a hop is missing today (amber when a violation names it); dashed 'not known' = a hop is not known yet";

const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;
const sourceNode = (source: string) => (source === "internet" ? "internet" : `tier_${source}`);

function cut(name: string): string {
    const characters = Array.from(name);
    return characters.length > MAX_NAME ? `${characters.slice(0, MAX_NAME).join("")}…` : name;
}

function knownString(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && !isUnknown(value) ? value : undefined;
}

function rank(verdict: Tri): number {
    return verdict === "yes" ? 2 : verdict === "maybe" ? 1 : 0;
}

/** The hop that is missing ("no") or not known ("maybe") on a direct path, in words. */
function missingHop(reach: DirectReach, verdict: Tri): string {
    const hop = [reach.address, reach.route, reach.nacl].find((h: Hop) => h.verdict === verdict && h.text);
    return hop?.text ?? "a hop is missing";
}

/** What the report's violations name: direct paths (by edge), and load-balancer paths (internet-exposure without an edge). */
function violationsOf({ violations }: CheckReport) {
    const paths = new Set<string>();
    const throughLoadBalancer = new Set<string>();
    for (const v of violations) {
        if (v.edge && v.edge.source !== "unknown")
            paths.add(`${edgeKey(sourceNode(v.edge.source), v.edge.destinationUrn)}\u0000${v.edge.rule.urn}\u0000${v.edge.rule.path}`);
        else if (!v.edge && v.policy === "internet-exposure") throughLoadBalancer.add(v.urn);
    }
    return { paths, throughLoadBalancer };
}

/** Internet gateways by the VPC (URN) they belong to; the only one when the stack has one. */
function gatewaysOf(graph: StackGraph) {
    const vpcUrn = new Map<string, string>();
    for (const r of graph.resources) {
        if (!AWS_VPC_TYPES.has(r.type)) continue;
        vpcUrn.set(r.urn, r.urn);
        const id = knownString(field(r.props, "id"));
        if (id) vpcUrn.set(id, r.urn);
    }
    const vpcOf = (r: AnalyzedResource) => {
        const key = graph.referenced(r, SUBNET_PROPERTIES.vpc, field(r.props, SUBNET_PROPERTIES.vpc));
        return key === undefined ? undefined : (vpcUrn.get(key) ?? key);
    };
    const gateways = graph.resources.filter((r) => GATEWAY_KINDS.get(r.type) === "internet");
    const byVpc = new Map<string, AnalyzedResource>();
    for (const g of gateways) {
        const vpc = vpcOf(g);
        if (vpc !== undefined && !byVpc.has(vpc)) byVpc.set(vpc, g);
    }
    return (subnet: AnalyzedResource | undefined): AnalyzedResource | undefined => {
        const vpc = subnet ? vpcOf(subnet) : undefined;
        return (vpc !== undefined ? byVpc.get(vpc) : undefined) ?? (gateways.length === 1 ? gateways[0] : undefined);
    };
}

/** For a load balancer: whether it faces the internet, as internet-exposure judges it (the address it is given). */
function facingOf(carrier: Carrier): Hop | undefined {
    if (!LoadBalancing.isLoadBalancer(carrier.resource)) return undefined;
    const internal = readBoolean(field(carrier.resource.props, "internal"), `${carrier.resource.name}.internal`);
    if (internal === true) return { verdict: "no", text: "an internal load balancer" };
    if (isUnresolved(internal)) return { verdict: "maybe", text: "whether it is internet-facing is not known yet" };
    return { verdict: "yes", text: "internet-facing" };
}

interface Reach {
    verdict: Tri;
    /** The subnet key the internet reaches it through (for "yes"). */
    subnet?: string;
    families: Array<4 | 6>;
    why: string;
}

/** How the internet reaches the carrier along one path: through which subnet, or what is missing or unknown. */
function reachOf(graph: StackGraph, carrier: Carrier, path: Path, options: InternetOptions, subnets: string[], given: Hop | undefined): Reach {
    const gate = naclGate(graph, trafficOfRule(path.rule), options);
    const families = familiesOf(path, options);
    let best: Reach | undefined;
    for (const key of subnets.length > 0 ? subnets : [undefined]) {
        const one = key === undefined ? carrier : { ...carrier, subnets: [key] };
        const reaches = families.map((family) => ({ family, reach: graph.routing.directReach(one, family, gate, given) }));
        const reached = reaches.filter((r) => r.reach.verdict === "yes").map((r) => r.family);
        const top = reaches.reduce((a, b) => (rank(b.reach.verdict) > rank(a.reach.verdict) ? b : a)).reach;
        const verdict = top.verdict;
        const why = verdict === "yes" ? "" : missingHop(top, verdict);
        const candidate: Reach = { verdict, subnet: key, families: reached, why };
        if (!best || rank(verdict) > rank(best.verdict)) best = candidate;
        if (verdict === "yes") break;
    }
    return best!;
}

function networkOf(report: CheckReport) {
    const { capture, secrets, graphBasis } = report;
    const redact = (text: string) => secrets?.redact(text) ?? text;
    const options = graphBasis.internet;
    const graph = stackGraphInProcess(stackAsSent(capture));
    const named = violationsOf(report);
    const coloured = graphBasis.edgesKnown;
    const modeledUrns = new Set(capture.resources.filter((r) => r.modeled).map((r) => r.urn));
    const gatewayOf = gatewaysOf(graph);

    const edges = new Map<string, DrawnEdge>();
    /** One edge per kind, reason and colour between two nodes (a red and an uncoloured path side by side); labels merged. */
    const edge = (from: string, to: string, kind: EdgeKind, label: string, violating: boolean, reason?: string): DrawnEdge => {
        const key = `${edgeKey(from, to)}\u0000${kind}\u0000${reason ?? ""}\u0000${violating}`;
        let drawn = edges.get(key);
        if (!drawn) edges.set(key, (drawn = { key, from, to, kind, labels: [], reason, violating }));
        if (label && !drawn.labels.includes(label)) drawn.labels.push(label);
        return drawn;
    };

    // Subnets: every subnet of the stack, in order, and the subnets carriers name that the stack does not hold.
    const subnetIndex = new Map<string, { id: number; resource?: AnalyzedResource; key: string }>();
    const subnetOf = (key: string) => {
        const resource = graph.subnetByKey(key);
        const identity = resource?.urn ?? key;
        let entry = subnetIndex.get(identity);
        if (!entry) subnetIndex.set(identity, (entry = { id: subnetIndex.size, resource, key }));
        return entry;
    };
    for (const r of graph.resources) if (graph.subnetByKey(r.urn) === r) subnetOf(r.urn);

    // Per carrier: its paths, judged hop by hop, and the subnet it is drawn under.
    const gatewayIds = new Map<AnalyzedResource | undefined, string>();
    const gatewayNode = (gateway: AnalyzedResource | undefined) =>
        gatewayIds.get(gateway) ?? (gatewayIds.set(gateway, `gw${gatewayIds.size}`), gatewayIds.get(gateway)!);
    interface Placed {
        carrier: Carrier;
        subnet?: number;
        otherSubnets: number;
        edges: DrawnEdge[];
        priority: number;
    }
    const placed: Placed[] = [];
    /** Subnet → resource edges and the chains (internet → gateway → subnet) above them. */
    const chains = new Map<DrawnEdge, DrawnEdge[]>();
    const reachableLbs = new Map<string, DrawnEdge[]>();
    for (const carrier of graph.carriers) {
        const urn = carrier.resource.urn;
        const to = `@${urn}`;
        const subnets = graph.routing.subnetsOf(carrier);
        const given = facingOf(carrier);
        const own: DrawnEdge[] = [];
        let reachedThrough: string | undefined;
        for (const path of pathsTo(graph, carrier, options)) {
            if (path.source === "unknown") continue;
            const ports = redact(protocolAndPorts(path.rule));
            const violating =
                coloured && named.paths.has(`${edgeKey(sourceNode(path.source), urn)}\u0000${path.rule.origin.urn}\u0000${path.rule.origin.path}`);
            if (path.source !== "internet") {
                own.push(edge(sourceNode(path.source), to, "tier", ports, violating));
                continue;
            }
            const reach = reachOf(graph, carrier, path, options, subnets, given);
            if (reach.verdict === "yes" && reach.subnet !== undefined) {
                reachedThrough ??= reach.subnet;
                const subnet = subnetOf(reach.subnet);
                const gateway = gatewayNode(gatewayOf(subnet.resource));
                const routes = reach.families.map((f) => (f === 4 ? "0.0.0.0/0" : "::/0")).join(", ");
                // The chain above the subnet is shared by every path through it: red once a red path runs along it (below).
                const chain = [edge("internet", gateway, "reachable", "", false), edge(gateway, `sn${subnet.id}`, "reachable", routes, false)];
                const last = edge(`sn${subnet.id}`, to, "reachable", ports, violating);
                chains.set(last, chain);
                own.push(last, ...chain);
                if (given) reachableLbs.set(urn, [...(reachableLbs.get(urn) ?? []), last]);
            } else if (reach.verdict === "yes") {
                own.push(edge("internet", to, "reachable", ports, violating));
            } else {
                own.push(edge("internet", to, reach.verdict === "no" ? "latent" : "unknown", ports, violating, redact(reach.why)));
            }
        }
        // A network load balancer without security groups passes every listener's traffic: the internet reaches each listener port.
        if (given && given.verdict !== "no" && carrier.attachments.length === 0 && field(carrier.resource.props, "loadBalancerType") === "network") {
            for (const listener of graph.loadBalancing.listenersOf(carrier.resource)) {
                const port = listener.port;
                if (port === undefined || isUnresolved(port)) continue;
                const udp = /UDP/i.test(listener.protocol ?? "");
                const gate = naclGate(
                    graph,
                    { ports: [[port, port]], only: { tcp: !/^UDP$/i.test(listener.protocol ?? ""), udp, otherProtocols: false } },
                    options,
                );
                const key = subnets.find((k) => graph.routing.directReach({ ...carrier, subnets: [k] }, 4, gate, given).verdict === "yes");
                if (key === undefined) continue;
                reachedThrough ??= key;
                const subnet = subnetOf(key);
                const gateway = gatewayNode(gatewayOf(subnet.resource));
                const chain = [edge("internet", gateway, "reachable", "", false), edge(gateway, `sn${subnet.id}`, "reachable", "0.0.0.0/0", false)];
                const last = edge(
                    `sn${subnet.id}`,
                    to,
                    "reachable",
                    redact(`listener ${(listener.protocol ?? "TCP").toUpperCase()} ${port} (no security groups)`),
                    false,
                );
                chains.set(last, chain);
                own.push(last, ...chain);
                reachableLbs.set(urn, [...(reachableLbs.get(urn) ?? []), last]);
            }
        }
        const drawnUnder = reachedThrough ?? subnets[0];
        const distinct = new Set(subnets.map((k) => graph.subnetByKey(k)?.urn ?? k));
        const red = own.some((e) => e.violating && e.kind !== "latent") || named.throughLoadBalancer.has(urn);
        const amber = own.some((e) => e.violating);
        const internet = own.some((e) => e.kind !== "tier");
        placed.push({
            carrier,
            subnet: drawnUnder !== undefined ? subnetOf(drawnUnder).id : undefined,
            otherSubnets: Math.max(0, distinct.size - 1),
            edges: own,
            priority: red ? 0 : amber ? 1 : internet ? 2 : 3,
        });
    }

    // Load balancer → target, per listener and target group: the forwarding the internet's traffic takes.
    const placedOf = new Map(placed.map((p) => [p.carrier, p]));
    for (const carrier of graph.carriers) {
        if (!LoadBalancing.isLoadBalancer(carrier.resource)) continue;
        const lbUrn = carrier.resource.urn;
        const facing = facingOf(carrier)!.verdict !== "no";
        const incoming = reachableLbs.get(lbUrn) ?? [];
        const nlbWithoutGroups = carrier.attachments.length === 0 && field(carrier.resource.props, "loadBalancerType") === "network";
        const reachable = facing && (incoming.length > 0 || nlbWithoutGroups);
        const own = placedOf.get(carrier)!;
        for (const listener of graph.loadBalancing.listenersOf(carrier.resource)) {
            const listenerText = `listener ${(listener.protocol ?? "TCP").toUpperCase()} ${portText(listener.port)}`;
            for (const group of listener.targetGroups) {
                for (const target of graph.loadBalancing.targetsOf(group)) {
                    const targetUrn = target.carrier.resource.urn;
                    const violating = coloured && reachable && named.throughLoadBalancer.has(targetUrn);
                    const drawn = edge(
                        `@${lbUrn}`,
                        `@${targetUrn}`,
                        reachable ? "forward" : "tier",
                        redact(`${listenerText} → port ${portText(target.port)}`),
                        violating,
                    );
                    own.edges.push(drawn);
                    const targetPlaced = placedOf.get(target.carrier);
                    if (targetPlaced && violating) targetPlaced.priority = 0;
                    if (violating) {
                        own.priority = 0;
                        for (const e of incoming) for (const c of [e, ...(chains.get(e) ?? [])]) c.violating = true;
                    }
                }
            }
        }
        if (coloured && named.throughLoadBalancer.has(lbUrn)) for (const e of incoming) for (const c of [e, ...(chains.get(e) ?? [])]) c.violating = true;
    }
    // A chain (internet → gateway → subnet) is red when a red path runs along it.
    for (const [last, chain] of chains) if (last.violating) for (const c of chain) c.violating = true;

    // Bounded: violating paths first, then internet paths, then the rest, in stack order.
    const byPriority = [...placed].sort((a, b) => a.priority - b.priority);
    return (maxResources: number, why: string) => draw(maxResources, why);

    function draw(maxResources: number, why: string) {
        const shrunk = maxResources < MAX_RESOURCES;
        const chosen = byPriority.slice(0, maxResources);
        const chosenSet = new Set(chosen);
        const ids = new Map<string, string>();
        const boxes = new Map<number | undefined, DrawnNode[]>();
        for (const p of placed) {
            if (!chosenSet.has(p)) continue;
            const { resource, attachments } = p.carrier;
            const id = `n${ids.size}`;
            ids.set(`@${resource.urn}`, id);
            const groups =
                attachments
                    .slice(0, MAX_GROUPS)
                    .map((a) => cut(a.group.label))
                    .join(", ") + (attachments.length > MAX_GROUPS ? `, +${attachments.length - MAX_GROUPS}` : "");
            const parts = [cut(resource.name), groups ? ` [${groups}]` : "", modeledUrns.has(resource.urn) ? " (modeled)" : ""];
            if (LoadBalancing.isLoadBalancer(resource)) parts.push(" · load balancer");
            if (p.carrier.tier) parts.push(` · tier ${p.carrier.tier}`);
            if (p.otherSubnets > 0) parts.push(` · +${p.otherSubnets} subnet${p.otherSubnets === 1 ? "" : "s"}`);
            const subnet = p.subnet !== undefined && p.subnet < MAX_SUBNETS ? p.subnet : undefined;
            (boxes.get(subnet) ?? boxes.set(subnet, []).get(subnet)!).push({
                id,
                label: redact(parts.join("")),
                shape: LoadBalancing.isLoadBalancer(resource) ? "lb" : "box",
            });
        }

        const subnets: SubnetBox[] = [];
        for (const entry of subnetIndex.values()) {
            // Shrunk to fit: only the subnets that hold a drawn resource.
            if (entry.id >= MAX_SUBNETS || (shrunk && !boxes.has(entry.id))) continue;
            const routes = [4, 6].map((family) => graph.routing.subnetRoute(entry.resource?.urn ?? entry.key, family as 4 | 6).verdict);
            const state = routes.includes("yes")
                ? "public: default route to an internet gateway"
                : routes.includes("maybe")
                  ? "route to the internet not known yet"
                  : "private: no default route to an internet gateway";
            subnets.push({
                id: entry.id,
                label: redact(entry.resource ? `subnet ${cut(entry.resource.name)}` : `subnet ${cut(entry.key)} (not in the stack)`),
                state,
                nodes: boxes.get(entry.id) ?? [],
            });
        }

        // Edges between drawn nodes only, in a stable order, at most MAX_EDGES.
        const resolve = (node: string) => (node.startsWith("@") ? ids.get(node) : node);
        const drawnSubnets = new Set(subnets.map((s) => `sn${s.id}`));
        const usable = [...edges.values()].filter((e) => {
            const from = resolve(e.from);
            const to = resolve(e.to);
            if (from === undefined || to === undefined) return false;
            return ![from, to].some((n) => n.startsWith("sn") && !drawnSubnets.has(n));
        });
        const order: Record<EdgeKind, number> = { reachable: 0, forward: 1, latent: 2, unknown: 3, tier: 4 };
        const sorted = usable
            .map((e, i) => ({ e, i }))
            .sort((a, b) => Number(b.e.violating) - Number(a.e.violating) || order[a.e.kind] - order[b.e.kind] || a.i - b.i)
            .map(({ e }) => e);
        const drawnEdges = sorted.slice(0, MAX_EDGES).map((e) => ({
            from: resolve(e.from)!,
            to: resolve(e.to)!,
            kind: e.kind,
            violating: coloured && e.violating,
            label:
                e.labels.join("; ") +
                (e.kind === "latent" ? ` (latent: ${e.reason ?? "a hop is missing"})` : e.kind === "unknown" ? ` (not known: ${e.reason ?? "a hop"})` : ""),
        }));
        const usedGateways = new Set(drawnEdges.flatMap((e) => [e.from, e.to]).filter((n) => n.startsWith("gw")));
        const gateways = [...gatewayIds.entries()]
            .filter(([, id]) => usedGateways.has(id))
            .map(([gateway, id]) => ({ id, label: redact(gateway ? `internet gateway ${cut(gateway.name)}` : "internet gateway (not in the stack)") }));
        const tierSources = TIER_ORDER.filter((t) => drawnEdges.some((e) => e.from === `tier_${t}`));

        const notes: string[] = [];
        if (placed.length > chosen.length)
            notes.push(
                `${placed.length - chosen.length} of ${placed.length} resources not drawn (at most ${maxResources}${why}: violating and internet paths first)`,
            );
        if (subnetIndex.size > subnets.length)
            notes.push(
                `${subnetIndex.size - subnets.length} of ${subnetIndex.size} subnets not drawn (${shrunk ? "only those holding a drawn resource" : `at most ${MAX_SUBNETS}`})`,
            );
        if (sorted.length > MAX_EDGES)
            notes.push(`${sorted.length - MAX_EDGES} of ${sorted.length} edges not drawn (at most ${MAX_EDGES}: violating paths first)`);

        // Components whose children were not checked: drawn apart, so a picture never looks complete when it is not.
        const unchecked = capture.resources
            .filter((r) => r.remote && (r.expansion?.by ?? "none") === "none")
            .slice(0, maxResources)
            .map((r, i) => ({ id: `u${i}`, label: `${cut(r.name)} (${cut(r.type)}): NOT CHECKED` }));
        return {
            gateways,
            subnets,
            loose: boxes.get(undefined) ?? [],
            tierSources,
            edges: drawnEdges,
            unchecked,
            legend: coloured ? LEGEND : NO_COLOURS,
            more: notes.length > 0 ? `graph shortened: ${notes.join("; ")}; see the JSON or SARIF report for every finding` : undefined,
        };
    }
}

/** The report's network; secret values in labels are shown as [secret], as in every report. */
export function renderGraph(report: CheckReport, format: GraphFormat): string {
    const draw = networkOf(report);
    if (format === "dot") return dot(draw(MAX_RESOURCES, ""));
    // Mermaid (and GitHub's rendering of it) refuses a diagram longer than MERMAID_MAX_TEXT: draw fewer resources until it fits.
    let text = "";
    for (const limit of [MAX_RESOURCES, 100, 50, 20, 5, 0]) {
        text = mermaid(draw(limit, limit < MAX_RESOURCES ? ` to fit Mermaid's ${MERMAID_MAX_TEXT.toLocaleString("en-US")}-character limit` : ""));
        if (text.length <= MERMAID_MAX_TEXT) break;
    }
    return text;
}

type Network = ReturnType<ReturnType<typeof networkOf>>;

function mermaid({ gateways, subnets, loose, tierSources, edges, unchecked, legend, more }: Network): string {
    const node = ({ id, label, shape }: DrawnNode) => (shape === "lb" ? `        ${id}[/${mermaidString(label)}\\]` : `        ${id}[${mermaidString(label)}]`);
    const lines = ["flowchart LR", '    internet(("internet"))'];
    for (const gateway of gateways) lines.push(`    ${gateway.id}{{${mermaidString(gateway.label)}}}`);
    for (const tier of tierSources) lines.push(`    tier_${tier}([${mermaidString(`tier ${tier}`)}])`);
    for (const subnet of subnets) {
        lines.push(`    subgraph sb${subnet.id}[${mermaidString(subnet.label)}]`, `        sn${subnet.id}[[${mermaidString(subnet.state)}]]`);
        for (const n of subnet.nodes) lines.push(node(n));
        lines.push("    end");
    }
    if (loose.length > 0) {
        lines.push('    subgraph no_subnet["no subnet in the stack"]');
        for (const n of loose) lines.push(node(n));
        lines.push("    end");
    }
    if (unchecked.length > 0) {
        lines.push('    subgraph not_checked["not checked"]');
        for (const n of unchecked) lines.push(`        ${n.id}[${mermaidString(n.label)}]`);
        lines.push("    end", "    style not_checked stroke-dasharray: 5 5");
    }
    edges.forEach((edge, i) => {
        const arrow = edge.kind === "latent" || edge.kind === "unknown" ? "-.->" : "-->";
        lines.push(edge.label ? `    ${edge.from} ${arrow}|${mermaidString(edge.label)}| ${edge.to}` : `    ${edge.from} ${arrow} ${edge.to}`);
        if (edge.violating && edge.kind === "latent") lines.push(`    linkStyle ${i} stroke:#e69500,stroke-width:2px`);
        else if (edge.violating) lines.push(`    linkStyle ${i} stroke:#d00,stroke-width:3px`);
    });
    lines.push(`    legend[${mermaidString(legend)}]`, "    style legend stroke-dasharray: 5 5");
    if (more) lines.push(`    more[${mermaidString(more)}]`, "    style more stroke-dasharray: 5 5");
    return lines.join("\n");
}

function dot({ gateways, subnets, loose, tierSources, edges, unchecked, legend, more }: Network): string {
    const node = ({ id, label, shape }: DrawnNode) => `        ${id} [shape=${shape === "lb" ? "trapezium" : "box"}, label=${dotString(label)}];`;
    const lines = ["digraph tierguard {", "    rankdir=LR;", '    internet [shape=doublecircle, label="internet"];'];
    for (const gateway of gateways) lines.push(`    ${gateway.id} [shape=hexagon, label=${dotString(gateway.label)}];`);
    for (const tier of tierSources) lines.push(`    tier_${tier} [shape=ellipse, label=${dotString(`tier ${tier}`)}];`);
    for (const subnet of subnets) {
        lines.push(
            `    subgraph cluster_sb${subnet.id} {`,
            `        label=${dotString(subnet.label)};`,
            `        sn${subnet.id} [shape=tab, label=${dotString(subnet.state)}];`,
        );
        for (const n of subnet.nodes) lines.push(node(n));
        lines.push("    }");
    }
    if (loose.length > 0) {
        lines.push("    subgraph cluster_no_subnet {", '        label="no subnet in the stack";');
        for (const n of loose) lines.push(node(n));
        lines.push("    }");
    }
    if (unchecked.length > 0) {
        lines.push("    subgraph cluster_not_checked {", '        label="not checked";', "        style=dashed;");
        for (const n of unchecked) lines.push(`        ${n.id} [shape=box, style=dashed, label=${dotString(n.label)}];`);
        lines.push("    }");
    }
    for (const edge of edges) {
        const attributes = edge.label ? [`label=${dotString(edge.label)}`] : [];
        if (edge.kind === "latent") attributes.push("style=dashed");
        if (edge.kind === "unknown") attributes.push("style=dotted");
        if (edge.violating) attributes.push(edge.kind === "latent" ? "color=orange, penwidth=2" : "color=red, penwidth=3");
        lines.push(`    ${edge.from} -> ${edge.to}${attributes.length > 0 ? ` [${attributes.join(", ")}]` : ""};`);
    }
    lines.push(`    legend [shape=note, style=dashed, label=${dotString(legend)}];`);
    if (more) lines.push(`    more [shape=note, style=dashed, label=${dotString(more)}];`);
    lines.push("}");
    return lines.join("\n");
}
