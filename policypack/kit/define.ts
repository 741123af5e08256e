/**
 * How a tierguard policy is defined and how it meets the Pulumi SDK. A policy is a pure function
 * from (resource, config) to findings; this module adds what every policy needs: config defaults and
 * errors, exemptions, the level of "cannot be verified" findings, and a guarantee that nothing a
 * resource contains can throw out of the pack (a thrown error fails the user's whole preview).
 */
import type { EnforcementLevel, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { AnalyzedResource } from "../model/resource";
import { Severity } from "../model/severity";
import { Rule } from "../model/rule";
import { ConfigKeys, ConfigValues, ParsedConfig, configSchema, enumKey, parseConfig } from "./config";
import { Exemption, exemptionsKey, matchExemptions } from "./exemptions";
import { TurnMemo } from "./turnMemo";
import { declareTypesJudged } from "../server/typesJudged";

/** A finding: a violation, or a rule that cannot be verified because a value is unknown or malformed. */
export interface Finding {
    kind: "violation" | "unverifiable";
    message: string;
    /** The rule the finding is about (reports group a rule's findings into one entry)... */
    rule?: Rule;
    /** ...and the peer that matters, in the words messages use (`0.0.0.0/0`, `security group sg-1`). */
    peer?: string;
}

export const commonKeys = {
    unknownValues: enumKey(
        "Level of findings that cannot be verified because a value is unknown during a preview or malformed: advisory (default) or mandatory.",
        ["advisory", "mandatory"] as const,
        "advisory",
    ),
    exemptions: exemptionsKey,
};

/** What every policy, resource or stack, declares about itself. */
export interface PolicyMetadata<K extends ConfigKeys> {
    name: string;
    description: string;
    enforcementLevel: "mandatory" | "advisory";
    severity: Severity;
    remediationSteps: string;
    tags: string[];
    /** The policy's own config keys; `unknownValues` and `exemptions` are added for every policy. */
    config: K;
}

/** A resource policy as its folder writes it: metadata and a pure check typed by its own config keys. */
export interface PolicyDefinition<K extends ConfigKeys> extends PolicyMetadata<K> {
    /** Resource types the policy judges (others are skipped before anything is read). */
    appliesTo: ReadonlySet<string>;
    /** Rules, where the resource has any, come from `rulesOf(resource)` (computed once per resource). */
    check(resource: AnalyzedResource, config: ConfigValues<K>): Finding[];
}

/**
 * A resource policy as the registry holds it. Each policy's check is typed by its own config (ports,
 * CIDRs, a maximum); a list of them would need a cast, or would let a check be called with another
 * policy's values. As @pulumi/policy's validateResourceOfType does for its typed callbacks, the typed
 * check is hidden in a closure that parses the config for it: the list holds one uniform type.
 */
export interface ResourcePolicy extends PolicyMetadata<ConfigKeys> {
    appliesTo: ReadonlySet<string>;
    /** The policy on one resource: config, check, exemptions and levels (see evaluate). Never throws. */
    evaluate(resource: AnalyzedResource, rawConfig: unknown): Report[];
}

/** The metadata of a policy, resource or stack, without its typed check. */
export function metadataOf<K extends ConfigKeys>(definition: PolicyMetadata<K>): PolicyMetadata<ConfigKeys> {
    const { name, description, enforcementLevel, severity, remediationSteps, tags, config } = definition;
    return { name, description, enforcementLevel, severity, remediationSteps, tags, config };
}

export function definePolicy<K extends ConfigKeys>(definition: PolicyDefinition<K>): ResourcePolicy {
    return {
        ...metadataOf(definition),
        appliesTo: definition.appliesTo,
        evaluate: (resource, rawConfig) => evaluate(definition, resource, rawConfig),
    };
}

/** What a policy reports for one resource, with the level each report takes. */
export interface Report {
    message: string;
    /** undefined: the policy's own (configured) level. */
    enforcementLevel?: "advisory" | "mandatory";
    /** The finding's rule and peer (never sent to the engine: the Analyzer protocol carries only the message). */
    rule?: Rule;
    peer?: string;
}

/** What a finding says when the exemption that hid it has expired. */
export function exemptionNote(exemption: Exemption): string {
    return `exemption "${exemption.resource}" (${exemption.reason}) expired on ${exemption.expires}, so it no longer applies`;
}

/**
 * The SDK hands every resource a fresh shallow copy of the same config (its values are the very
 * objects Configure stored); parsing it (CIDRs, exemption patterns) once per distinct config instead
 * of once per resource keeps large stacks fast. Equal values by identity means the same config;
 * anything else is parsed again, so a new Configure is always seen.
 */
const lastParsed = new WeakMap<object, { raw: Record<string, unknown>; text: string; parsed: ParsedConfig<ConfigKeys> }>();

function sameByIdentity(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && a[key] === b[key]);
}

export function parsedConfigOf(policy: object, keys: ConfigKeys, rawConfig: unknown): ParsedConfig<ConfigKeys> {
    const raw = (rawConfig && typeof rawConfig === "object" ? rawConfig : {}) as Record<string, unknown>;
    const cached = lastParsed.get(policy);
    if (cached && sameByIdentity(cached.raw, raw)) return cached.parsed;
    const text = JSON.stringify(raw);
    if (cached && cached.text === text) {
        cached.raw = raw;
        return cached.parsed;
    }
    const parsed = parseConfig(keys, rawConfig);
    lastParsed.set(policy, { raw, text, parsed });
    return parsed;
}

/** A policy's config keys with the common ones, assembled once per policy. */
const allKeys = new WeakMap<object, ConfigKeys>();

export function keysOf(policy: PolicyMetadata<ConfigKeys>): ConfigKeys {
    let keys = allKeys.get(policy);
    if (!keys) {
        keys = { ...policy.config, ...commonKeys };
        allKeys.set(policy, keys);
    }
    return keys;
}

/**
 * A policy that could not run has verified nothing. It says so at its own configured level (no
 * enforcementLevel of ours): a mandatory policy that fails fails the run, naming the error, instead
 * of becoming an advisory note that lets a violation through. `subject`: what it was running on.
 */
export function couldNotRun(policyName: string, subject: string, error: unknown): Report {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
        message:
            `tierguard could not run policy ${policyName} on ${subject} (internal error: ${detail}); it is NOT verified, ` +
            `so this is reported at the policy's own level. Please report this with the properties involved.`,
    };
}

/** Runs a policy on one resource: config, checks and exemptions. Never throws. */
export function evaluate<K extends ConfigKeys>(policy: PolicyDefinition<K>, resource: AnalyzedResource, rawConfig: unknown): Report[] {
    const keys = keysOf(policy);
    try {
        if (!policy.appliesTo.has(resource.type)) return [];
        // Config problems are reported once per stack (configProblems), not here for every resource.
        const { values } = parsedConfigOf(policy, keys, rawConfig);
        const unverifiableLevel = values.unknownValues as "advisory" | "mandatory";
        const reports: Report[] = [];
        const exemptions = matchExemptions(values.exemptions as Exemption[], resource.name, resource.urn);
        const findings = policy.check(resource, values as ConfigValues<K>);
        if (exemptions.active) return reports;
        for (const finding of findings) {
            const message = exemptions.expired ? `${finding.message} (Note: ${exemptionNote(exemptions.expired)}.)` : finding.message;
            const subject = finding.rule ? { rule: finding.rule, peer: finding.peer } : {};
            reports.push(finding.kind === "violation" ? { message, ...subject } : { message, enforcementLevel: unverifiableLevel, ...subject });
        }
        return reports;
    } catch (error) {
        // A bug of ours must not fail the user's preview with a gRPC error, nor pass silently.
        return [couldNotRun(policy.name, `resource "${resource.name}"`, error)];
    }
}

/**
 * A policy's config problems — values it cannot read, keys it does not have, exemptions it cannot
 * apply — as mandatory reports about the stack: a configuration that does not say what its author
 * meant must fail the run (the invalid value's default, a safe one, is used meanwhile), once, not
 * once per resource.
 */
export function configProblems(policy: PolicyMetadata<ConfigKeys>, rawConfig: unknown): Report[] {
    const { values, errors } = parsedConfigOf(policy, keysOf(policy), rawConfig);
    const invalidExemptions = (values.exemptions as Exemption[]).filter((e) => e.invalid !== undefined);
    return [
        ...errors.map((error) => `Invalid configuration of policy ${policy.name}: ${error}.`),
        ...invalidExemptions.map((bad) => `Invalid exemption in the configuration of policy ${policy.name}: ${bad.invalid}. It is not applied.`),
    ].map((message) => ({ message, enforcementLevel: "mandatory" as const }));
}

/** The raw object behind the SDK's unknown-checking proxy, so unknowns can be read rather than thrown. */
export function unwrapProps(props: unknown): unknown {
    try {
        const target = (props as Record<string, unknown> | undefined)?.["__getSpecialProxyTarget"];
        return target !== undefined ? target : props;
    } catch {
        return props;
    }
}

/** The fields the Pulumi SDK takes from any policy. */
export function sdkFields<K extends ConfigKeys>(policy: PolicyMetadata<K>) {
    return {
        name: policy.name,
        description: policy.description,
        enforcementLevel: policy.enforcementLevel as EnforcementLevel,
        severity: policy.severity,
        remediationSteps: policy.remediationSteps,
        tags: policy.tags,
        configSchema: configSchema({ ...policy.config, ...commonKeys }),
    };
}

/**
 * Hands reports to the SDK. It accepts a violation object (message, urn, enforcementLevel) besides a
 * plain string, though its type declares only the string; the object lets "cannot be verified"
 * findings take their own level and keeps our message free of the SDK's prefix.
 */
export function emit(reportViolation: ReportViolation, reports: Array<Report & { urn?: string }>): void {
    for (const report of reports) {
        (reportViolation as unknown as (violation: object) => void)({
            message: report.message,
            ...(report.urn ? { urn: report.urn } : {}),
            ...(report.enforcementLevel ? { enforcementLevel: report.enforcementLevel } : {}),
        });
    }
}

/**
 * One resource object per Analyze request, whichever policy's copy of the props it came from, so its
 * rule model (see rulesOf) is read once per request rather than once per policy.
 */
const analysed = new TurnMemo<unknown, AnalyzedResource>();

/**
 * The policy as the Pulumi SDK wants it. Besides judging each resource, it reports its config problems
 * once per stack: the SDK runs a policy's `validateStack` at the end of every preview or update, also
 * for a policy that judges resources.
 */
export function toResourcePolicy(policy: ResourcePolicy): ResourceValidationPolicy {
    const once = {
        validateStack: (args: { getConfig(): unknown }, reportViolation: ReportViolation) => emit(reportViolation, configProblems(policy, args.getConfig())),
    };
    return {
        ...sdkFields(policy),
        ...once,
        // Declared to the server: for other types the validation returns at once, and is not called.
        validateResource: declareTypesJudged((args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (!policy.appliesTo.has(args.type)) return;
            let reports: Report[];
            try {
                const props = unwrapProps(args.props);
                const resource = analysed.get(`${args.type}\u0000${args.urn}\u0000${args.name}`, props, () => ({
                    type: args.type,
                    name: args.name,
                    urn: args.urn,
                    props,
                }));
                reports = policy.evaluate(resource, args.getConfig());
            } catch (error) {
                reports = [couldNotRun(policy.name, `resource "${args.name}"`, error)];
            }
            // Most resources have nothing to report: no array to build, and emit only ever sees the arrays
            // map() makes (V8 deoptimised it over the differently built empty ones).
            if (reports.length > 0) {
                emit(
                    reportViolation,
                    reports.map((report) => ({ ...report, urn: args.urn })),
                );
            }
        }, policy.appliesTo),
    };
}
