"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rulesInDirection = rulesInDirection;
exports.unreadableFindings = unreadableFindings;
exports.unverifiable = unverifiable;
/** What policies that judge one resource's rules share: its rules by direction, and the wording of "cannot verify" findings. */
const adapters_1 = require("../adapters");
const rule_1 = require("../model/rule");
const unresolved_1 = require("../model/unresolved");
/** The rules (or NACL entries) of one direction. */
function rulesInDirection(resource, direction) {
    return (0, adapters_1.rulesOf)(resource)?.rules.filter((rule) => rule.direction === direction) ?? [];
}
/** Findings for rule lists that could not be read at all (e.g. `ingress` unknown during a preview). */
function unreadableFindings(resource, direction, what) {
    return ((0, adapters_1.rulesOf)(resource)?.unreadable ?? [])
        .filter((u) => u.direction === direction)
        .map((u) => ({
        kind: "unverifiable",
        message: `${resource.name}: cannot verify ${what}: ${(0, unresolved_1.describeUnresolved)(u.unresolved)}. Its ${direction} rules are checked once the value is known (at update, or make it a plain value).`,
    }));
}
/** "Cannot verify" wording for one rule. */
function unverifiable(rule, what, unresolved, fix) {
    const why = unresolved ? (0, unresolved_1.describeUnresolved)(unresolved) : "a value is unknown or malformed";
    return { kind: "unverifiable", message: `${(0, rule_1.describeRule)(rule)}: cannot verify ${what}, because ${why}. ${fix}`, rule, peer: (0, rule_1.peersLabel)(rule.peers) };
}
