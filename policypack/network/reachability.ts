/**
 * Who can reach a resource: the union of the ingress rules of every group it carries, each peer
 * turned into a source (the internet, a tier, or nothing known), with internet traffic narrowed by
 * the network ACL of the resource's subnets (first match, address and port sets).
 */
import { InternetOptions, definitionKey } from "../model/addresses";
import { AnswerCache } from "../model/answerCache";
import { InternetExposure, internetExposure, peersInternetExposure } from "../model/exposure";
import { EVERY_KIND, TrafficKinds, naclInternetExposure } from "../model/naclExposure";
import { ALL_PORTS, PortSet, portsOf } from "../model/ports";
import { Peer, Rule, RuleOrigin, peerLabel, protocolAndPorts } from "../model/rule";
import { field } from "../model/propertyReaders";
import { Unresolved, isUnresolved } from "../model/unresolved";
import { Tier } from "./carriers";
import { AnalyzedResource } from "../model/resource";
import { Carrier, GroupNode, PrefixListNode, StackGraph, topLevel } from "./graph";

export interface Path {
    destination: Carrier;
    /** "internet", a tier, or "unknown" when an unknown value could be anything (including the internet). */
    source: "internet" | Tier | "unknown";
    /** Who the source is, in words: "0.0.0.0/0", `load balancer "lb" (carries "lb-sg")`. */
    sourceLabel: string;
    group: GroupNode;
    rule: Rule;
    /** false when a preview cannot tell which group an unknown id is (a candidate from propertyDependencies). */
    certain: boolean;
    unresolved?: Unresolved;
}

/**
 * A path, always built here and always with every field in this order: policies read thousands of paths
 * per stack, and paths of one shape keep that code from being deoptimised and compiled again (V8 gives
 * an object built by spreading another, or one with an extra field, a different hidden class).
 */
export function newPath(
    destination: Carrier,
    group: GroupNode,
    rule: Rule,
    source: Path["source"],
    sourceLabel: string,
    certain: boolean,
    unresolved?: Unresolved,
): Path {
    return { destination, group, rule, source, sourceLabel, certain, unresolved };
}

/**
 * A path as plain data, for what outlives the graph it was found in (a finding, a report that draws
 * it): who reaches which resource, through which group and which of its rules.
 */
export interface ReachEdge {
    source: Path["source"];
    /** The resource reached. */
    destinationUrn: string;
    /** The group whose rule allows it: its URN, or its label (the sg-… id) for a group outside the stack. */
    group: string;
    /** The rule that allows it: the resource it is written in, and where (`ingress[1]`; "" for a standalone rule). */
    rule: Pick<RuleOrigin, "urn" | "path">;
}

export function edgeOf(path: Path): ReachEdge {
    return {
        source: path.source,
        destinationUrn: path.destination.resource.urn,
        group: path.group.resource?.urn ?? path.group.label,
        rule: { urn: path.rule.origin.urn, path: path.rule.origin.path },
    };
}

/** Does a network ACL in front of the resource let internet traffic matching this rule through? */
function naclLetsInternetThrough(graph: StackGraph, carrier: Carrier, rule: Rule, options: InternetOptions): boolean {
    const nacls = graph.naclsOf(carrier);
    if (nacls.length === 0 || nacls.some((entries) => entries === undefined)) return true; // no ACL known: AWS's default allows all
    return nacls.some((entries) => naclLetsThrough(entries!, rule, options));
}

/**
 * Answers per ACL, internet definition and the traffic a rule allows (its protocol and ports: the ACL's
 * answer depends on nothing else of the rule). Thousands of resources share a few ACLs, and their groups'
 * rules allow a few kinds of traffic (HTTPS, SSH, a database port), so the same question comes back
 * for each of them.
 */
const naclAnswers = new AnswerCache<Rule[], boolean>();

function naclLetsThrough(entries: Rule[], rule: Rule, options: InternetOptions): boolean {
    const traffic = internetTraffic(rule);
    if (traffic === undefined) return true;
    return naclAnswers.get(
        entries,
        `${traffic.key} ${definitionKey(options)}`,
        () => naclInternetExposure(ingressOf(entries), traffic.ports, options, traffic.only).length > 0,
    );
}

/** The traffic a rule allows, as the ACL walk takes it; undefined when the ACL is not asked (it lets it through). */
function internetTraffic(rule: Rule): { key: string; ports: PortSet; only: TrafficKinds } | undefined {
    const protocol = rule.protocol;
    if (isUnresolved(protocol) || protocol.kind === "icmp" || protocol.kind === "icmpv6") return undefined;
    if (protocol.kind === "tcp" || protocol.kind === "udp") {
        const ports = isUnresolved(rule.ports) ? ALL_PORTS : portsOf(rule.ports);
        const only = protocol.kind === "tcp" ? TCP_ONLY : UDP_ONLY;
        let key: string = protocol.kind;
        for (let i = 0; i < ports.length; i++) key += ` ${ports[i][0]}-${ports[i][1]}`;
        return { key, ports, only };
    }
    // Every port of every protocol ("all"), or of one protocol other than TCP and UDP.
    return protocol.kind === "all" ? { key: "all", ports: ALL_PORTS, only: EVERY_KIND } : { key: "other", ports: ALL_PORTS, only: OTHER_PROTOCOLS };
}

const TCP_ONLY: TrafficKinds = { tcp: true, udp: false, otherProtocols: false };
const UDP_ONLY: TrafficKinds = { tcp: false, udp: true, otherProtocols: false };
const OTHER_PROTOCOLS: TrafficKinds = { tcp: false, udp: false, otherProtocols: true };

/** Each ACL's inbound entries, in their order. */
const ingressEntries = new WeakMap<Rule[], Rule[]>();

function ingressOf(entries: Rule[]): Rule[] {
    let ingress = ingressEntries.get(entries);
    if (!ingress) {
        ingress = entries.filter((e) => e.direction === "ingress");
        ingressEntries.set(entries, ingress);
    }
    return ingress;
}

function describeCarrier(carrier: Carrier, group: GroupNode): string {
    return `"${carrier.resource.name}" (carries "${group.label}")`;
}

/** Computed once per group: a group carried by thousands of instances is referenced by all of them. */
const sourcesCache = new WeakMap<GroupNode, Array<{ tier: Tier; label: string }>>();

/** The sources a referenced group stands for: its own tier tag, else the tiers of the resources carrying it. */
function sourcesOfGroup(source: GroupNode): Array<{ tier: Tier; label: string }> {
    const cached = sourcesCache.get(source);
    if (cached) return cached;
    const computed = computeSourcesOfGroup(source);
    sourcesCache.set(source, computed);
    return computed;
}

function computeSourcesOfGroup(source: GroupNode): Array<{ tier: Tier; label: string }> {
    if (source.tierTag) return [{ tier: source.tierTag, label: `security group "${source.label}" (tier ${source.tierTag})` }];
    const out: Array<{ tier: Tier; label: string }> = [];
    const seen = new Set<Tier>();
    for (const { carrier } of source.carriers) {
        if (!carrier.tier || seen.has(carrier.tier)) continue;
        seen.add(carrier.tier);
        out.push({ tier: carrier.tier, label: describeCarrier(carrier, source) });
    }
    return out;
}

/** Answers per prefix list and internet definition: a list is named by many rules. */
const prefixListAnswers = new AnswerCache<PrefixListNode, Readonly<InternetExposure>>();

/**
 * Do a stack-defined prefix list's entries include the internet? A rule naming the list opens its ports
 * to every entry, so the entries are judged like one rule's CIDRs (alone, or together covering a family).
 */
export function prefixListExposure(list: PrefixListNode, options: InternetOptions): Readonly<InternetExposure> {
    return prefixListAnswers.get(list, definitionKey(options), () => {
        const exposure = peersInternetExposure(list.entries, options, "the list's other entries");
        return exposure.verdict === "no" && list.unreadable ? { ...exposure, verdict: "maybe" as const, unresolved: [list.unreadable] } : exposure;
    });
}

/** `prefix list "partners" (pl-0abc)`. */
export function describePrefixList(list: PrefixListNode): string {
    const id = [field(list.resource.props, "prefixListId"), field(list.resource.props, "id")].find((v): v is string => typeof v === "string" && /^pl-/.test(v));
    return `prefix list "${list.resource.name}"${id ? ` (${id})` : ""}`;
}

/** How many references of one kind a holder leaves unknown in one top-level property (to match them with candidates). */
export function unknownReferences(rules: readonly Rule[], kind: "securityGroup" | "prefixList", property: string): number {
    return rules.flatMap((r) => r.peers).filter((p) => p.kind === kind && p.id === undefined && topLevel(p.property) === topLevel(property)).length;
}

/** A group's rules with the resource each is written in, and the rules of each such resource. */
interface HeldRules {
    holders: Array<[Rule, AnalyzedResource | undefined]>;
    rulesOfHolder: Map<AnalyzedResource | undefined, Rule[]>;
}

/** Computed once per group: a group carried by thousands of resources is walked for each of them. */
const heldRulesCache = new WeakMap<GroupNode, HeldRules>();

function heldRules(group: GroupNode): HeldRules {
    let held = heldRulesCache.get(group);
    if (held) return held;
    // Indexed loops, nothing spread or destructured: once per group of every stack (README, "Loops V8 compiles quickly").
    const holders: Array<[Rule, AnalyzedResource | undefined]> = [];
    for (let r = 0; r < group.ownInline.length; r++) holders.push([group.ownInline[r], group.resource]);
    for (let s = 0; s < group.standalone.length; s++) holders.push([group.standalone[s].rule, group.standalone[s].resource]);
    const rulesOfHolder = new Map<AnalyzedResource | undefined, Rule[]>();
    for (let h = 0; h < holders.length; h++) {
        const rule = holders[h][0];
        const holder = holders[h][1];
        const rules = rulesOfHolder.get(holder);
        if (rules) rules.push(rule);
        else rulesOfHolder.set(holder, [rule]);
    }
    held = { holders, rulesOfHolder };
    heldRulesCache.set(group, held);
    return held;
}

/**
 * Who can reach a resource (its paths), per internet definition: tier-isolation and internet-exposure
 * both ask for every resource of the stack, on the same graph (a carrier belongs to one graph). The list
 * is shared: frozen, and its paths are read, never written.
 */
const pathsOfCarrier = new AnswerCache<Carrier, readonly Path[]>();

export function pathsTo(graph: StackGraph, carrier: Carrier, options: InternetOptions): readonly Path[] {
    return pathsOfCarrier.get(carrier, definitionKey(options), () => findPaths(graph, carrier, options));
}

function findPaths(graph: StackGraph, carrier: Carrier, options: InternetOptions): Path[] {
    const paths: Path[] = [];
    // Indexed loops, nothing destructured: the walk's hottest function (README, "Loops V8 compiles quickly").
    const attachments = carrier.attachments;
    for (let a = 0; a < attachments.length; a++) {
        const group = attachments[a].group;
        const certain = attachments[a].certain;
        const held = heldRules(group);
        for (let h = 0; h < held.holders.length; h++) {
            const rule = held.holders[h][0];
            const holder = held.holders[h][1];
            if (rule.direction !== "ingress" || rule.action !== "allow") continue;
            const exposure = internetExposure(rule, options);
            if (exposure.verdict === "yes" && naclLetsInternetThrough(graph, carrier, rule, options)) {
                paths.push(newPath(carrier, group, rule, "internet", internetLabel(exposure), certain));
            } else if (exposure.verdict === "maybe") {
                paths.push(newPath(carrier, group, rule, "unknown", "an address not known yet", certain, exposure.unresolved[0]));
            }
            const rulesOfHolder = held.rulesOfHolder.get(holder)!;
            for (let p = 0; p < rule.peers.length; p++) {
                const peer = rule.peers[p];
                if (peer.kind === "prefixList" && holder) {
                    const prefixListUnknowns = unknownReferences(rulesOfHolder, "prefixList", peer.property);
                    addPrefixListPaths(paths, graph, carrier, group, rule, holder, peer, prefixListUnknowns, certain, options);
                }
                if (peer.kind !== "securityGroup" && peer.kind !== "self") continue;
                const groupUnknowns = unknownReferences(rulesOfHolder, "securityGroup", peer.property);
                const resolved =
                    peer.kind === "self" ? [{ group, certain: true }] : holder ? graph.resolveGroups(holder, peer.property, peer.id, groupUnknowns) : [];
                for (let r = 0; r < resolved.length; r++) {
                    const sources = sourcesOfGroup(resolved[r].group);
                    const sourceCertain = certain && resolved[r].certain;
                    for (let t = 0; t < sources.length; t++) paths.push(newPath(carrier, group, rule, sources[t].tier, sources[t].label, sourceCertain));
                }
            }
        }
    }
    return paths;
}

/** The internet peers of a rule in words ("0.0.0.0/0, ::/0"): once per rule and definition, as its exposure. */
const internetLabels = new WeakMap<Readonly<InternetExposure>, string>();

function internetLabel(exposure: Readonly<InternetExposure>): string {
    let label = internetLabels.get(exposure);
    if (label === undefined) {
        label = exposure.internet.map((i) => peerLabel(i.peer)).join(", ");
        internetLabels.set(exposure, label);
    }
    return label;
}

/** Adds the paths from the internet through a prefix list defined in the stack whose entries include it (or may). */
function addPrefixListPaths(
    paths: Path[],
    graph: StackGraph,
    carrier: Carrier,
    group: GroupNode,
    rule: Rule,
    holder: AnalyzedResource,
    peer: Peer & { kind: "prefixList" },
    unknownsHere: number,
    certain: boolean,
    options: InternetOptions,
): void {
    for (const { list, certain: listCertain } of graph.resolvePrefixLists(holder, peer, unknownsHere)) {
        const exposure = prefixListExposure(list, options);
        if (exposure.verdict === "yes" && naclLetsInternetThrough(graph, carrier, rule, options)) {
            const label = `${describePrefixList(list)} (its entries include the internet: ${internetLabel(exposure)})`;
            paths.push(newPath(carrier, group, rule, "internet", label, certain && listCertain));
        } else if (exposure.verdict === "maybe") {
            const label = `${describePrefixList(list)} (an entry not known yet)`;
            paths.push(newPath(carrier, group, rule, "unknown", label, certain, exposure.unresolved[0]));
        }
    }
}

/** "it carries "web-sg", whose ingress[0] allows TCP port 22 from 0.0.0.0/0". */
export function describePath(path: Path): string {
    const where = path.rule.origin.path ? path.rule.origin.path : `standalone rule "${path.rule.origin.resourceName}"`;
    return `it carries "${path.group.label}", whose ${where} allows ${protocolAndPorts(path.rule)} from ${path.rule.peers.map(peerLabel).join(", ")}`;
}
