"use strict";
/**
 * Severities: what policies declare, how reports rank findings, and what SARIF scores them. The
 * Analyzer protocol numbers them 1 (low) to 4 (critical), 0 meaning unspecified.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEVERITIES = void 0;
exports.severityOfNumber = severityOfNumber;
exports.severityRank = severityRank;
exports.securitySeverity = securitySeverity;
/** Least severe first: a severity's place in this list is its protocol number minus one. */
exports.SEVERITIES = ["low", "medium", "high", "critical"];
/** The severity the protocol's number stands for; undefined for 0 (unspecified) and numbers it does not define. */
function severityOfNumber(n) {
    return Number.isInteger(n) && n >= 1 ? exports.SEVERITIES[n - 1] : undefined;
}
/** Higher for more severe; 0 for anything that is not a severity (e.g. "unspecified"). */
function severityRank(severity) {
    return exports.SEVERITIES.indexOf(severity) + 1;
}
/** SARIF's `security-severity` score per severity (GitHub shows ≥ 9.0 as critical, ≥ 7.0 high, ≥ 4.0 medium, below that low). */
const SECURITY_SEVERITY = { low: "3.0", medium: "5.5", high: "8.0", critical: "9.5" };
/** The SARIF score of a severity; a middling 5.0 when the policy gave none. */
function securitySeverity(severity) {
    return severity === undefined ? "5.0" : SECURITY_SEVERITY[severity];
}
