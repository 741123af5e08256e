"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newPath = newPath;
exports.edgeOf = edgeOf;
exports.prefixListExposure = prefixListExposure;
exports.describePrefixList = describePrefixList;
exports.unknownReferences = unknownReferences;
exports.pathsTo = pathsTo;
exports.describePath = describePath;
/**
 * Who can reach a resource: the union of the ingress rules of every group it carries, each peer
 * turned into a source (the internet, a tier, or nothing known), with internet traffic narrowed by
 * the network ACL of the resource's subnets (first match, address and port sets).
 */
const addresses_1 = require("../model/addresses");
const answerCache_1 = require("../model/answerCache");
const exposure_1 = require("../model/exposure");
const naclExposure_1 = require("../model/naclExposure");
const ports_1 = require("../model/ports");
const rule_1 = require("../model/rule");
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
const graph_1 = require("./graph");
/**
 * A path, always built here and always with every field in this order: policies read thousands of paths
 * per stack, and paths of one shape keep that code from being deoptimised and compiled again (V8 gives
 * an object built by spreading another, or one with an extra field, a different hidden class).
 */
function newPath(destination, group, rule, source, sourceLabel, certain, unresolved) {
    return { destination, group, rule, source, sourceLabel, certain, unresolved };
}
function edgeOf(path) {
    return {
        source: path.source,
        destinationUrn: path.destination.resource.urn,
        group: path.group.resource?.urn ?? path.group.label,
        rule: { urn: path.rule.origin.urn, path: path.rule.origin.path },
    };
}
/** Does a network ACL in front of the resource let internet traffic matching this rule through? */
function naclLetsInternetThrough(graph, carrier, rule, options) {
    const nacls = graph.naclsOf(carrier);
    if (nacls.length === 0 || nacls.some((entries) => entries === undefined))
        return true; // no ACL known: AWS's default allows all
    return nacls.some((entries) => naclLetsThrough(entries, rule, options));
}
/**
 * Answers per ACL, internet definition and the traffic a rule allows (its protocol and ports: the ACL's
 * answer depends on nothing else of the rule). Thousands of resources share a few ACLs, and their groups'
 * rules allow a few kinds of traffic (HTTPS, SSH, a database port), so the same question comes back
 * for each of them.
 */
const naclAnswers = new answerCache_1.AnswerCache();
function naclLetsThrough(entries, rule, options) {
    const traffic = internetTraffic(rule);
    if (traffic === undefined)
        return true;
    return naclAnswers.get(entries, `${traffic.key} ${(0, addresses_1.definitionKey)(options)}`, () => (0, naclExposure_1.naclInternetExposure)(ingressOf(entries), traffic.ports, options, traffic.only).length > 0);
}
/** The traffic a rule allows, as the ACL walk takes it; undefined when the ACL is not asked (it lets it through). */
function internetTraffic(rule) {
    const protocol = rule.protocol;
    if ((0, unresolved_1.isUnresolved)(protocol) || protocol.kind === "icmp" || protocol.kind === "icmpv6")
        return undefined;
    if (protocol.kind === "tcp" || protocol.kind === "udp") {
        const ports = (0, unresolved_1.isUnresolved)(rule.ports) ? ports_1.ALL_PORTS : (0, ports_1.portsOf)(rule.ports);
        const only = protocol.kind === "tcp" ? TCP_ONLY : UDP_ONLY;
        let key = protocol.kind;
        for (let i = 0; i < ports.length; i++)
            key += ` ${ports[i][0]}-${ports[i][1]}`;
        return { key, ports, only };
    }
    // Every port of every protocol ("all"), or of one protocol other than TCP and UDP.
    return protocol.kind === "all" ? { key: "all", ports: ports_1.ALL_PORTS, only: naclExposure_1.EVERY_KIND } : { key: "other", ports: ports_1.ALL_PORTS, only: OTHER_PROTOCOLS };
}
const TCP_ONLY = { tcp: true, udp: false, otherProtocols: false };
const UDP_ONLY = { tcp: false, udp: true, otherProtocols: false };
const OTHER_PROTOCOLS = { tcp: false, udp: false, otherProtocols: true };
/** Each ACL's inbound entries, in their order. */
const ingressEntries = new WeakMap();
function ingressOf(entries) {
    let ingress = ingressEntries.get(entries);
    if (!ingress) {
        ingress = entries.filter((e) => e.direction === "ingress");
        ingressEntries.set(entries, ingress);
    }
    return ingress;
}
function describeCarrier(carrier, group) {
    return `"${carrier.resource.name}" (carries "${group.label}")`;
}
/** Computed once per group: a group carried by thousands of instances is referenced by all of them. */
const sourcesCache = new WeakMap();
/** The sources a referenced group stands for: its own tier tag, else the tiers of the resources carrying it. */
function sourcesOfGroup(source) {
    const cached = sourcesCache.get(source);
    if (cached)
        return cached;
    const computed = computeSourcesOfGroup(source);
    sourcesCache.set(source, computed);
    return computed;
}
function computeSourcesOfGroup(source) {
    if (source.tierTag)
        return [{ tier: source.tierTag, label: `security group "${source.label}" (tier ${source.tierTag})` }];
    const out = [];
    const seen = new Set();
    for (const { carrier } of source.carriers) {
        if (!carrier.tier || seen.has(carrier.tier))
            continue;
        seen.add(carrier.tier);
        out.push({ tier: carrier.tier, label: describeCarrier(carrier, source) });
    }
    return out;
}
/** Answers per prefix list and internet definition: a list is named by many rules. */
const prefixListAnswers = new answerCache_1.AnswerCache();
/**
 * Do a stack-defined prefix list's entries include the internet? A rule naming the list opens its ports
 * to every entry, so the entries are judged like one rule's CIDRs (alone, or together covering a family).
 */
function prefixListExposure(list, options) {
    return prefixListAnswers.get(list, (0, addresses_1.definitionKey)(options), () => {
        const exposure = (0, exposure_1.peersInternetExposure)(list.entries, options, "the list's other entries");
        return exposure.verdict === "no" && list.unreadable ? { ...exposure, verdict: "maybe", unresolved: [list.unreadable] } : exposure;
    });
}
/** `prefix list "partners" (pl-0abc)`. */
function describePrefixList(list) {
    const id = [(0, propertyReaders_1.field)(list.resource.props, "prefixListId"), (0, propertyReaders_1.field)(list.resource.props, "id")].find((v) => typeof v === "string" && /^pl-/.test(v));
    return `prefix list "${list.resource.name}"${id ? ` (${id})` : ""}`;
}
/** How many references of one kind a holder leaves unknown in one top-level property (to match them with candidates). */
function unknownReferences(rules, kind, property) {
    return rules.flatMap((r) => r.peers).filter((p) => p.kind === kind && p.id === undefined && (0, graph_1.topLevel)(p.property) === (0, graph_1.topLevel)(property)).length;
}
/** Computed once per group: a group carried by thousands of resources is walked for each of them. */
const heldRulesCache = new WeakMap();
function heldRules(group) {
    let held = heldRulesCache.get(group);
    if (held)
        return held;
    // Indexed loops, nothing spread or destructured: once per group of every stack (README, "Loops V8 compiles quickly").
    const holders = [];
    for (let r = 0; r < group.ownInline.length; r++)
        holders.push([group.ownInline[r], group.resource]);
    for (let s = 0; s < group.standalone.length; s++)
        holders.push([group.standalone[s].rule, group.standalone[s].resource]);
    const rulesOfHolder = new Map();
    for (let h = 0; h < holders.length; h++) {
        const rule = holders[h][0];
        const holder = holders[h][1];
        const rules = rulesOfHolder.get(holder);
        if (rules)
            rules.push(rule);
        else
            rulesOfHolder.set(holder, [rule]);
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
const pathsOfCarrier = new answerCache_1.AnswerCache();
function pathsTo(graph, carrier, options) {
    return pathsOfCarrier.get(carrier, (0, addresses_1.definitionKey)(options), () => findPaths(graph, carrier, options));
}
function findPaths(graph, carrier, options) {
    const paths = [];
    // Indexed loops, nothing destructured: the walk's hottest function (README, "Loops V8 compiles quickly").
    const attachments = carrier.attachments;
    for (let a = 0; a < attachments.length; a++) {
        const group = attachments[a].group;
        const certain = attachments[a].certain;
        const held = heldRules(group);
        for (let h = 0; h < held.holders.length; h++) {
            const rule = held.holders[h][0];
            const holder = held.holders[h][1];
            if (rule.direction !== "ingress" || rule.action !== "allow")
                continue;
            const exposure = (0, exposure_1.internetExposure)(rule, options);
            if (exposure.verdict === "yes" && naclLetsInternetThrough(graph, carrier, rule, options)) {
                paths.push(newPath(carrier, group, rule, "internet", internetLabel(exposure), certain));
            }
            else if (exposure.verdict === "maybe") {
                paths.push(newPath(carrier, group, rule, "unknown", "an address not known yet", certain, exposure.unresolved[0]));
            }
            const rulesOfHolder = held.rulesOfHolder.get(holder);
            for (let p = 0; p < rule.peers.length; p++) {
                const peer = rule.peers[p];
                if (peer.kind === "prefixList" && holder) {
                    const prefixListUnknowns = unknownReferences(rulesOfHolder, "prefixList", peer.property);
                    addPrefixListPaths(paths, graph, carrier, group, rule, holder, peer, prefixListUnknowns, certain, options);
                }
                if (peer.kind !== "securityGroup" && peer.kind !== "self")
                    continue;
                const groupUnknowns = unknownReferences(rulesOfHolder, "securityGroup", peer.property);
                const resolved = peer.kind === "self" ? [{ group, certain: true }] : holder ? graph.resolveGroups(holder, peer.property, peer.id, groupUnknowns) : [];
                for (let r = 0; r < resolved.length; r++) {
                    const sources = sourcesOfGroup(resolved[r].group);
                    const sourceCertain = certain && resolved[r].certain;
                    for (let t = 0; t < sources.length; t++)
                        paths.push(newPath(carrier, group, rule, sources[t].tier, sources[t].label, sourceCertain));
                }
            }
        }
    }
    return paths;
}
/** The internet peers of a rule in words ("0.0.0.0/0, ::/0"): once per rule and definition, as its exposure. */
const internetLabels = new WeakMap();
function internetLabel(exposure) {
    let label = internetLabels.get(exposure);
    if (label === undefined) {
        label = exposure.internet.map((i) => (0, rule_1.peerLabel)(i.peer)).join(", ");
        internetLabels.set(exposure, label);
    }
    return label;
}
/** Adds the paths from the internet through a prefix list defined in the stack whose entries include it (or may). */
function addPrefixListPaths(paths, graph, carrier, group, rule, holder, peer, unknownsHere, certain, options) {
    for (const { list, certain: listCertain } of graph.resolvePrefixLists(holder, peer, unknownsHere)) {
        const exposure = prefixListExposure(list, options);
        if (exposure.verdict === "yes" && naclLetsInternetThrough(graph, carrier, rule, options)) {
            const label = `${describePrefixList(list)} (its entries include the internet: ${internetLabel(exposure)})`;
            paths.push(newPath(carrier, group, rule, "internet", label, certain && listCertain));
        }
        else if (exposure.verdict === "maybe") {
            const label = `${describePrefixList(list)} (an entry not known yet)`;
            paths.push(newPath(carrier, group, rule, "unknown", label, certain, exposure.unresolved[0]));
        }
    }
}
/** "it carries "web-sg", whose ingress[0] allows TCP port 22 from 0.0.0.0/0". */
function describePath(path) {
    const where = path.rule.origin.path ? path.rule.origin.path : `standalone rule "${path.rule.origin.resourceName}"`;
    return `it carries "${path.group.label}", whose ${where} allows ${(0, rule_1.protocolAndPorts)(path.rule)} from ${path.rule.peers.map(rule_1.peerLabel).join(", ")}`;
}
