/**
 * How a policy's outcome becomes part of a response, with the SDK's wording: violations reported with
 * a message or an object, "not applicable" entries, an unknown value read during preview (an advisory
 * diagnostic naming the policy and pack), and errors (a gRPC error carrying the error's stack).
 */
import type { EnforcementLevel, ReportViolation, Severity } from "@pulumi/policy";
import { AnyPolicy, SdkDiagnostic, analyzerProto, protoutil, proxy } from "./sdk";
import type { PolicyNotApplicable } from "@pulumi/pulumi/proto/analyzer_pb";

/** Thrown by a policy's `notApplicable(reason)`. */
export class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

export function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

/** The response's not-applicable entries, created on the first. */
export class NotApplicableList {
    entries: PolicyNotApplicable[] | undefined;

    add(policyName: string, reason: string | undefined): void {
        const entry = new analyzerProto.PolicyNotApplicable();
        entry.setPolicyName(policyName);
        if (reason) entry.setReason(reason);
        (this.entries ??= []).push(entry);
    }
}

interface ViolationObject {
    name?: string;
    message?: string;
    description?: string;
    urn?: string;
    enforcementLevel?: EnforcementLevel;
    severity?: Severity;
}

/** A policy's `reportViolation`: a string (appended to the description) or a violation object. */
export function violationReporter(
    policy: AnyPolicy,
    packName: string,
    packVersion: string,
    enforcementLevel: EnforcementLevel,
    ds: SdkDiagnostic[],
): ReportViolation {
    const { name: policyName, description, severity } = policy;
    return ((message: string | ViolationObject | undefined, urn?: string) => {
        if (typeof message === "object") {
            const given = message as ViolationObject;
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
        } else {
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
    }) as ReportViolation;
}

/** "policy 'x' from policy pack 'p@v1'" (or "remediation 'x' ..."), as errors and diagnostics name a policy. */
export function policyFrom(kind: "policy" | "remediation", policyName: string, packName: string, packVersion: string): string {
    return `${kind} '${policyName}' from policy pack '${packName}@v${packVersion}'`;
}

/**
 * The advisory diagnostic for a policy that read an unknown value: the policy object's own fields (all
 * but the validation function named by `without` and the name) after the SDK's, then level advisory.
 */
function unknownValueDiagnostic(
    policy: AnyPolicy,
    without: "validateResource" | "validateStack",
    packName: string,
    packVersion: string,
    error: Error,
): SdkDiagnostic {
    const { [without]: _validation, name, ...rest } = policy;
    return {
        policyName: name,
        policyPackName: packName,
        policyPackVersion: packVersion,
        message: `can't run ${policyFrom("policy", name, packName, packVersion)} during preview: ${error.message}`,
        ...(rest as Partial<SdkDiagnostic>),
        enforcementLevel: "advisory",
    };
}

/**
 * What a validation's throw becomes, as the SDK decides it for Analyze and AnalyzeStack alike: an unknown
 * value read during preview → an advisory diagnostic; `notApplicable(reason)` → a "not applicable" entry;
 * anything else → thrown on as a gRPC error naming the policy and pack (the request then fails).
 */
export function settleValidationError(
    error: unknown,
    policy: AnyPolicy,
    without: "validateResource" | "validateStack",
    pack: { name: string; version: string },
    diagnostics: SdkDiagnostic[],
    notApplicable: NotApplicableList,
): void {
    if (error instanceof proxy.UnknownValueError) diagnostics.push(unknownValueDiagnostic(policy, without, pack.name, pack.version, error));
    else if (error instanceof NotApplicableError) notApplicable.add(policy.name, error.reason);
    else throw protoutil.asGrpcError(error, `Error validating resource with ${policyFrom("policy", policy.name, pack.name, pack.version)}`);
}

/**
 * Waits for a validation's result only when it is a promise. The SDK awaits every result; resuming an
 * async function after a synchronous validation was most of this server's own time per Analyze, and
 * not waiting changes nothing a request can observe (its answer depends on it alone).
 */
export function pending(result: unknown): PromiseLike<unknown> | undefined {
    return result !== null && (typeof result === "object" || typeof result === "function") && typeof (result as PromiseLike<unknown>).then === "function"
        ? (result as PromiseLike<unknown>)
        : undefined;
}
