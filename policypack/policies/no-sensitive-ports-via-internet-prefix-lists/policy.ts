/**
 * `no-admin-ports-from-internet` and `no-database-ports-from-internet` see one resource: a rule that
 * names a prefix list is, to them, a reference. A prefix list defined in the same stack says which
 * addresses it holds; this stack policy resolves it for every rule of every group (carried by a tiered
 * resource, an untiered one, or none) and every standalone rule, and reports admin or database ports
 * that reach the internet through it.
 */
import { ConfigValues, internetKeys, portsKey } from "../../kit/config";
import { StackFinding, StackPolicyDefinition } from "../../kit/defineStack";
import { Tri, all, opensAnyPort } from "../../model/exposure";
import { PortSet, portSet } from "../../model/ports";
import { Peer, Rule, describeRule, peerLabel } from "../../model/rule";
import { ADMIN_PORTS, DATABASE_PORTS, DEFAULT_ADMIN_PORTS, DEFAULT_DATABASE_PORTS } from "../../model/sensitivePorts";
import { describeUnresolved } from "../../model/unresolved";
import { GroupNode, PrefixListNode, StackGraph } from "../../network/graph";
import { AnalyzedResource } from "../../model/resource";
import { describePrefixList, prefixListExposure, unknownReferences } from "../../network/reachability";
import { namePorts } from "../../model/sensitivePorts";

const config = {
    adminPorts: portsKey('The admin ports (numbers or "from-to" ranges).', DEFAULT_ADMIN_PORTS),
    databasePorts: portsKey('The database ports (numbers or "from-to" ranges).', DEFAULT_DATABASE_PORTS),
    ...internetKeys,
};
type Config = ConfigValues<typeof config>;

const PORT_NAMES: Record<number, string> = { ...ADMIN_PORTS, ...DATABASE_PORTS };
const WHY = "Admin and database ports are the first thing internet scanners probe, and a prefix list opens the rule to every address it holds.";
const FIX =
    "remove the internet-wide entries from the prefix list (keep named addresses, e.g. 203.0.113.10/32), or reference a security group (a bastion's, the app tier's) instead; better, use SSM Session Manager for admin access.";

/** One ingress rule, the resource that holds it (the group, or the standalone rule resource), and the groups it applies to. */
interface HeldRule {
    rule: Rule;
    holder: AnalyzedResource;
    siblings: readonly Rule[];
    groups: readonly GroupNode[];
}

function heldRules(graph: StackGraph): HeldRule[] {
    const held: HeldRule[] = [];
    for (const group of graph.groups) {
        if (!group.resource) continue;
        for (const rule of group.ownInline) held.push({ rule, holder: group.resource, siblings: group.ownInline, groups: [group] });
    }
    for (const { resource, rules, groups } of graph.standaloneRules) {
        for (const rule of rules) held.push({ rule, holder: resource, siblings: rules, groups });
    }
    return held.filter(({ rule }) => rule.direction === "ingress");
}

/** Who carries the rule's groups, in words: every carrier counts, whatever its tier. */
function carriedBy(groups: readonly GroupNode[]): string {
    const names = [...new Set(groups.flatMap((g) => g.carriers.map(({ carrier }) => `"${carrier.resource.name}"`)))];
    if (names.length === 0) return "No resource in the stack carries its group yet; any resource that does is exposed.";
    const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
    return `Carried by ${shown}.`;
}

function judge(
    held: HeldRule,
    peer: Peer & { kind: "prefixList" },
    list: PrefixListNode,
    listCertain: boolean,
    sensitive: PortSet,
    cfg: Config,
): StackFinding | undefined {
    const exposure = prefixListExposure(list, cfg);
    const ports = opensAnyPort(held.rule, sensitive);
    const certainty: Tri = listCertain ? "yes" : "maybe";
    const verdict = all(exposure.verdict, ports.verdict, certainty);
    const where = describeRule(held.rule, [peer]);
    const through = describePrefixList(list);
    if (verdict === "yes") {
        const entries = exposure.internet.map((i) => `${peerLabel(i.peer)} (${i.peer.property}: ${i.reason})`).join(", ");
        return {
            kind: "violation",
            resource: held.holder,
            message: `${where}: ${namePorts(ports.overlap, PORT_NAMES)} open to the internet through ${through}, whose entries include ${entries}. ${carriedBy(held.groups)} ${WHY} Fix: ${FIX}`,
            rule: held.rule,
            peer: peerLabel(peer),
        };
    }
    if (verdict === "no") return undefined;
    const unresolved = exposure.unresolved[0] ?? ports.unresolved;
    const why = !listCertain
        ? `the prefix list id is not known yet and several lists of the stack fed the property; ${through} is one of them`
        : unresolved
          ? describeUnresolved(unresolved)
          : "a value is unknown";
    return {
        kind: "unverifiable",
        resource: held.holder,
        message: `${where}: cannot verify that it opens no admin or database port to the internet through ${through}, because ${why}. ${carriedBy(held.groups)} Fix if it does: ${FIX}`,
        rule: held.rule,
        peer: peerLabel(peer),
    };
}

export const noSensitivePortsViaInternetPrefixLists: StackPolicyDefinition<typeof config> = {
    name: "no-sensitive-ports-via-internet-prefix-lists",
    description:
        "No security-group rule opens an admin or database port to a managed prefix list defined in the stack whose entries include the internet (resource policies see the list's id only).",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "A rule that names a prefix list opens its ports to every entry of the list. Keep internet-wide entries (0.0.0.0/0, ::/0, wide public ranges) out of lists used for admin or database ports, or reference a security group instead; for admin access prefer SSM Session Manager.",
    tags: ["network", "stack", "security-group", "prefix-list", "internet-exposure"],
    config,
    check(graph, cfg: Config): StackFinding[] {
        const findings: StackFinding[] = [];
        const sensitive = portSet([...cfg.adminPorts, ...cfg.databasePorts]);
        for (const held of heldRules(graph)) {
            for (const peer of held.rule.peers) {
                if (peer.kind !== "prefixList") continue;
                const unknowns = unknownReferences(held.siblings, "prefixList", peer.property);
                for (const { list, certain } of graph.resolvePrefixLists(held.holder, peer, unknowns)) {
                    const finding = judge(held, peer, list, certain, sensitive, cfg);
                    if (finding) findings.push(finding);
                }
            }
        }
        return findings;
    },
};
