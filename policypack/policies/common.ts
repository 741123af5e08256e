/** Pieces several policies share: which types they read, port names, and the wording of findings. */
import { AWS_DEFAULT_SECURITY_GROUP, AWS_SECURITY_GROUP, AWS_SECURITY_GROUP_RULE, AWS_VPC_EGRESS_RULE, AWS_VPC_INGRESS_RULE } from "../adapters/awsSecurityGroups";
import { NATIVE_EGRESS, NATIVE_INGRESS, NATIVE_SECURITY_GROUP } from "../adapters/nativeSecurityGroups";
import { AWS_DEFAULT_NETWORK_ACL, AWS_NETWORK_ACL, AWS_NETWORK_ACL_RULE, NATIVE_NETWORK_ACL_ENTRY } from "../adapters/networkAcls";
import { PortSet } from "../model/ports";
import { Direction, Rule, describeRule, peersLabel } from "../model/rule";
import { Unresolved, describeUnresolved } from "../model/unresolved";
import { Finding, ResourceUnderCheck } from "../kit/define";

export const SECURITY_GROUP_TYPES: ReadonlySet<string> = new Set([
    AWS_SECURITY_GROUP,
    AWS_DEFAULT_SECURITY_GROUP,
    AWS_SECURITY_GROUP_RULE,
    AWS_VPC_INGRESS_RULE,
    AWS_VPC_EGRESS_RULE,
    NATIVE_SECURITY_GROUP,
    NATIVE_INGRESS,
    NATIVE_EGRESS,
]);

export const NETWORK_ACL_TYPES: ReadonlySet<string> = new Set([AWS_NETWORK_ACL, AWS_DEFAULT_NETWORK_ACL, AWS_NETWORK_ACL_RULE, NATIVE_NETWORK_ACL_ENTRY]);

/** "SSH (22), RDP (3389)" or "ports 8000-8100": the sensitive ports a rule opens, by name where known. */
export function namePorts(ports: PortSet, names: Record<number, string>): string {
    const parts: string[] = [];
    for (const [from, to] of ports) {
        if (to - from < 16) {
            for (let p = from; p <= to; p++) parts.push(names[p] ? `${names[p]} (${p})` : `port ${p}`);
        } else {
            parts.push(`ports ${from}-${to}`);
        }
    }
    const shown = parts.length > 6 ? [...parts.slice(0, 6), `and ${parts.length - 6} more`] : parts;
    return shown.join(", ");
}

/** The rules (or NACL entries) of one direction. */
export function rulesInDirection(resource: ResourceUnderCheck, direction: Direction): Rule[] {
    return resource.rules ? resource.rules.rules.filter((rule) => rule.direction === direction) : [];
}

/** Findings for rule lists that could not be read at all (e.g. `ingress` unknown during a preview). */
export function unreadableFindings(resource: ResourceUnderCheck, direction: Direction, what: string): Finding[] {
    if (!resource.rules) return [];
    return resource.rules.unreadable
        .filter((u) => u.direction === direction)
        .map((u) => ({
            kind: "unverifiable" as const,
            message: `${resource.name}: cannot verify ${what}: ${describeUnresolved(u.unresolved)}. Its ${direction} rules are checked once the value is known (at update, or make it a plain value).`,
        }));
}

/** "Cannot verify" wording for one rule. */
export function unverifiable(rule: Rule, what: string, unresolved: Unresolved | undefined, fix: string): Finding {
    const why = unresolved ? describeUnresolved(unresolved) : "a value is unknown or malformed";
    return { kind: "unverifiable", message: `${describeRule(rule)}: cannot verify ${what}, because ${why}. ${fix}`, rule, peer: peersLabel(rule.peers) };
}
