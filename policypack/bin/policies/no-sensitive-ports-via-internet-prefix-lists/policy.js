"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noSensitivePortsViaInternetPrefixLists = void 0;
/**
 * `no-admin-ports-from-internet` and `no-database-ports-from-internet` see one resource: a rule that
 * names a prefix list is, to them, a reference. A prefix list defined in the same stack says which
 * addresses it holds; this stack policy resolves it for every rule of every group (carried by a tiered
 * resource, an untiered one, or none) and every standalone rule, and reports admin or database ports
 * that reach the internet through it.
 */
const config_1 = require("../../kit/config");
const exposure_1 = require("../../model/exposure");
const ports_1 = require("../../model/ports");
const rule_1 = require("../../model/rule");
const sensitivePorts_1 = require("../../model/sensitivePorts");
const unresolved_1 = require("../../model/unresolved");
const reachability_1 = require("../../network/reachability");
const sensitivePorts_2 = require("../../model/sensitivePorts");
const config = {
    adminPorts: (0, config_1.portsKey)('The admin ports (numbers or "from-to" ranges).', sensitivePorts_1.DEFAULT_ADMIN_PORTS),
    databasePorts: (0, config_1.portsKey)('The database ports (numbers or "from-to" ranges).', sensitivePorts_1.DEFAULT_DATABASE_PORTS),
    ...config_1.internetKeys,
};
const PORT_NAMES = { ...sensitivePorts_1.ADMIN_PORTS, ...sensitivePorts_1.DATABASE_PORTS };
const WHY = "Admin and database ports are the first thing internet scanners probe, and a prefix list opens the rule to every address it holds.";
const FIX = "remove the internet-wide entries from the prefix list (keep named addresses, e.g. 203.0.113.10/32), or reference a security group (a bastion's, the app tier's) instead; better, use SSM Session Manager for admin access.";
function heldRules(graph) {
    const held = [];
    for (const group of graph.groups) {
        if (!group.resource)
            continue;
        for (const rule of group.ownInline)
            held.push({ rule, holder: group.resource, siblings: group.ownInline, groups: [group] });
    }
    for (const { resource, rules, groups } of graph.standaloneRules) {
        for (const rule of rules)
            held.push({ rule, holder: resource, siblings: rules, groups });
    }
    return held.filter(({ rule }) => rule.direction === "ingress");
}
/** Who carries the rule's groups, in words: every carrier counts, whatever its tier. */
function carriedBy(groups) {
    const names = [...new Set(groups.flatMap((g) => g.carriers.map(({ carrier }) => `"${carrier.resource.name}"`)))];
    if (names.length === 0)
        return "No resource in the stack carries its group yet; any resource that does is exposed.";
    const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
    return `Carried by ${shown}.`;
}
function judge(held, peer, list, listCertain, sensitive, cfg) {
    const exposure = (0, reachability_1.prefixListExposure)(list, cfg);
    const ports = (0, exposure_1.opensAnyPort)(held.rule, sensitive);
    const certainty = listCertain ? "yes" : "maybe";
    const verdict = (0, exposure_1.all)(exposure.verdict, ports.verdict, certainty);
    const where = (0, rule_1.describeRule)(held.rule, [peer]);
    const through = (0, reachability_1.describePrefixList)(list);
    if (verdict === "yes") {
        const entries = exposure.internet.map((i) => `${(0, rule_1.peerLabel)(i.peer)} (${i.peer.property}: ${i.reason})`).join(", ");
        return {
            kind: "violation",
            resource: held.holder,
            message: `${where}: ${(0, sensitivePorts_2.namePorts)(ports.overlap, PORT_NAMES)} open to the internet through ${through}, whose entries include ${entries}. ${carriedBy(held.groups)} ${WHY} Fix: ${FIX}`,
            rule: held.rule,
            peer: (0, rule_1.peerLabel)(peer),
        };
    }
    if (verdict === "no")
        return undefined;
    const unresolved = exposure.unresolved[0] ?? ports.unresolved;
    const why = !listCertain
        ? `the prefix list id is not known yet and several lists of the stack fed the property; ${through} is one of them`
        : unresolved
            ? (0, unresolved_1.describeUnresolved)(unresolved)
            : "a value is unknown";
    return {
        kind: "unverifiable",
        resource: held.holder,
        message: `${where}: cannot verify that it opens no admin or database port to the internet through ${through}, because ${why}. ${carriedBy(held.groups)} Fix if it does: ${FIX}`,
        rule: held.rule,
        peer: (0, rule_1.peerLabel)(peer),
    };
}
exports.noSensitivePortsViaInternetPrefixLists = {
    name: "no-sensitive-ports-via-internet-prefix-lists",
    description: "No security-group rule opens an admin or database port to a managed prefix list defined in the stack whose entries include the internet (resource policies see the list's id only).",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "A rule that names a prefix list opens its ports to every entry of the list. Keep internet-wide entries (0.0.0.0/0, ::/0, wide public ranges) out of lists used for admin or database ports, or reference a security group instead; for admin access prefer SSM Session Manager.",
    tags: ["network", "stack", "security-group", "prefix-list", "internet-exposure"],
    config,
    check(graph, cfg) {
        const findings = [];
        const sensitive = (0, ports_1.portSet)([...cfg.adminPorts, ...cfg.databasePorts]);
        for (const held of heldRules(graph)) {
            for (const peer of held.rule.peers) {
                if (peer.kind !== "prefixList")
                    continue;
                const unknowns = (0, reachability_1.unknownReferences)(held.siblings, "prefixList", peer.property);
                for (const { list, certain } of graph.resolvePrefixLists(held.holder, peer, unknowns)) {
                    const finding = judge(held, peer, list, certain, sensitive, cfg);
                    if (finding)
                        findings.push(finding);
                }
            }
        }
        return findings;
    },
};
