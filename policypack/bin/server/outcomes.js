"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotApplicableList = exports.NotApplicableError = void 0;
exports.throwNotApplicable = throwNotApplicable;
exports.violationReporter = violationReporter;
exports.policyFrom = policyFrom;
exports.settleValidationError = settleValidationError;
exports.pending = pending;
const sdk_1 = require("./sdk");
/** Thrown by a policy's `notApplicable(reason)`. */
class NotApplicableError extends Error {
    constructor(reason) {
        super(reason ?? "Policy does not apply");
        this.reason = reason;
    }
}
exports.NotApplicableError = NotApplicableError;
function throwNotApplicable(reason) {
    throw new NotApplicableError(reason);
}
/** The response's not-applicable entries, created on the first. */
class NotApplicableList {
    add(policyName, reason) {
        const entry = new sdk_1.analyzerProto.PolicyNotApplicable();
        entry.setPolicyName(policyName);
        if (reason)
            entry.setReason(reason);
        (this.entries ?? (this.entries = [])).push(entry);
    }
}
exports.NotApplicableList = NotApplicableList;
/** A policy's `reportViolation`: a string (appended to the description) or a violation object. */
function violationReporter(policy, packName, packVersion, enforcementLevel, ds) {
    const { name: policyName, description, severity } = policy;
    return ((message, urn) => {
        if (typeof message === "object") {
            const given = message;
            ds.push({
                policyName: given.name || policyName,
                policyPackName: packName,
                policyPackVersion: packVersion,
                message: given.message || given.description || description,
                urn: given.urn,
                description: given.description || description,
                enforcementLevel: given.enforcementLevel || enforcementLevel,
                severity: given.severity || severity,
            });
        }
        else {
            ds.push({
                policyName,
                policyPackName: packName,
                policyPackVersion: packVersion,
                message: message ? `${description}\n${message}` : description,
                urn,
                description,
                enforcementLevel,
                severity,
            });
        }
    });
}
/** "policy 'x' from policy pack 'p@v1'" (or "remediation 'x' ..."), as errors and diagnostics name a policy. */
function policyFrom(kind, policyName, packName, packVersion) {
    return `${kind} '${policyName}' from policy pack '${packName}@v${packVersion}'`;
}
/**
 * The advisory diagnostic for a policy that read an unknown value: the policy object's own fields (all
 * but the validation function named by `without` and the name) after the SDK's, then level advisory.
 */
function unknownValueDiagnostic(policy, without, packName, packVersion, error) {
    const { [without]: _validation, name, ...rest } = policy;
    return {
        policyName: name,
        policyPackName: packName,
        policyPackVersion: packVersion,
        message: `can't run ${policyFrom("policy", name, packName, packVersion)} during preview: ${error.message}`,
        ...rest,
        enforcementLevel: "advisory",
    };
}
/**
 * What a validation's throw becomes, as the SDK decides it for Analyze and AnalyzeStack alike: an unknown
 * value read during preview → an advisory diagnostic; `notApplicable(reason)` → a "not applicable" entry;
 * anything else → thrown on as a gRPC error naming the policy and pack (the request then fails).
 */
function settleValidationError(error, policy, without, pack, diagnostics, notApplicable) {
    if (error instanceof sdk_1.proxy.UnknownValueError)
        diagnostics.push(unknownValueDiagnostic(policy, without, pack.name, pack.version, error));
    else if (error instanceof NotApplicableError)
        notApplicable.add(policy.name, error.reason);
    else
        throw sdk_1.protoutil.asGrpcError(error, `Error validating resource with ${policyFrom("policy", policy.name, pack.name, pack.version)}`);
}
/**
 * Waits for a validation's result only when it is a promise. The SDK awaits every result; resuming an
 * async function after a synchronous validation was most of this server's own time per Analyze, and
 * not waiting changes nothing a request can observe (its answer depends on it alone).
 */
function pending(result) {
    return result !== null && (typeof result === "object" || typeof result === "function") && typeof result.then === "function"
        ? result
        : undefined;
}
