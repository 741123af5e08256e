/** What policies that judge one resource's rules share: its rules by direction, and the wording of "cannot verify" findings. */
import { rulesOf } from "../adapters";
import { AnalyzedResource } from "../model/resource";
import { Direction, Rule, describeRule, peersLabel } from "../model/rule";
import { Unresolved, describeUnresolved } from "../model/unresolved";
import { Finding } from "../kit/define";

/** The rules (or NACL entries) of one direction. */
export function rulesInDirection(resource: AnalyzedResource, direction: Direction): Rule[] {
    return rulesOf(resource)?.rules.filter((rule) => rule.direction === direction) ?? [];
}

/** Findings for rule lists that could not be read at all (e.g. `ingress` unknown during a preview). */
export function unreadableFindings(resource: AnalyzedResource, direction: Direction, what: string): Finding[] {
    return (rulesOf(resource)?.unreadable ?? [])
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
