"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.commonKeys = void 0;
exports.metadataOf = metadataOf;
exports.definePolicy = definePolicy;
exports.exemptionNote = exemptionNote;
exports.parsedConfigOf = parsedConfigOf;
exports.keysOf = keysOf;
exports.couldNotRun = couldNotRun;
exports.evaluate = evaluate;
exports.configProblems = configProblems;
exports.unwrapProps = unwrapProps;
exports.sdkFields = sdkFields;
exports.emit = emit;
exports.toResourcePolicy = toResourcePolicy;
const config_1 = require("./config");
const exemptions_1 = require("./exemptions");
const turnMemo_1 = require("./turnMemo");
const typesJudged_1 = require("../server/typesJudged");
exports.commonKeys = {
    unknownValues: (0, config_1.enumKey)("Level of findings that cannot be verified because a value is unknown during a preview or malformed: advisory (default) or mandatory.", ["advisory", "mandatory"], "advisory"),
    exemptions: exemptions_1.exemptionsKey,
};
/** The metadata of a policy, resource or stack, without its typed check. */
function metadataOf(definition) {
    const { name, description, enforcementLevel, severity, remediationSteps, tags, config } = definition;
    return { name, description, enforcementLevel, severity, remediationSteps, tags, config };
}
function definePolicy(definition) {
    return {
        ...metadataOf(definition),
        appliesTo: definition.appliesTo,
        evaluate: (resource, rawConfig) => evaluate(definition, resource, rawConfig),
    };
}
/** What a finding says when the exemption that hid it has expired. */
function exemptionNote(exemption) {
    return `exemption "${exemption.resource}" (${exemption.reason}) expired on ${exemption.expires}, so it no longer applies`;
}
/**
 * The SDK hands every resource a fresh shallow copy of the same config (its values are the very
 * objects Configure stored); parsing it (CIDRs, exemption patterns) once per distinct config instead
 * of once per resource keeps large stacks fast. Equal values by identity means the same config;
 * anything else is parsed again, so a new Configure is always seen.
 */
const lastParsed = new WeakMap();
function sameByIdentity(a, b) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && a[key] === b[key]);
}
function parsedConfigOf(policy, keys, rawConfig) {
    const raw = (rawConfig && typeof rawConfig === "object" ? rawConfig : {});
    const cached = lastParsed.get(policy);
    if (cached && sameByIdentity(cached.raw, raw))
        return cached.parsed;
    const text = JSON.stringify(raw);
    if (cached && cached.text === text) {
        cached.raw = raw;
        return cached.parsed;
    }
    const parsed = (0, config_1.parseConfig)(keys, rawConfig);
    lastParsed.set(policy, { raw, text, parsed });
    return parsed;
}
/** A policy's config keys with the common ones, assembled once per policy. */
const allKeys = new WeakMap();
function keysOf(policy) {
    let keys = allKeys.get(policy);
    if (!keys) {
        keys = { ...policy.config, ...exports.commonKeys };
        allKeys.set(policy, keys);
    }
    return keys;
}
/**
 * A policy that could not run has verified nothing. It says so at its own configured level (no
 * enforcementLevel of ours): a mandatory policy that fails fails the run, naming the error, instead
 * of becoming an advisory note that lets a violation through. `subject`: what it was running on.
 */
function couldNotRun(policyName, subject, error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
        message: `tierguard could not run policy ${policyName} on ${subject} (internal error: ${detail}); it is NOT verified, ` +
            `so this is reported at the policy's own level. Please report this with the properties involved.`,
    };
}
/** Runs a policy on one resource: config, checks and exemptions. Never throws. */
function evaluate(policy, resource, rawConfig) {
    const keys = keysOf(policy);
    try {
        if (!policy.appliesTo.has(resource.type))
            return [];
        // Config problems are reported once per stack (configProblems), not here for every resource.
        const { values } = parsedConfigOf(policy, keys, rawConfig);
        const unverifiableLevel = values.unknownValues;
        const reports = [];
        const exemptions = (0, exemptions_1.matchExemptions)(values.exemptions, resource.name, resource.urn);
        const findings = policy.check(resource, values);
        if (exemptions.active)
            return reports;
        for (const finding of findings) {
            const message = exemptions.expired ? `${finding.message} (Note: ${exemptionNote(exemptions.expired)}.)` : finding.message;
            const subject = finding.rule ? { rule: finding.rule, peer: finding.peer } : {};
            reports.push(finding.kind === "violation" ? { message, ...subject } : { message, enforcementLevel: unverifiableLevel, ...subject });
        }
        return reports;
    }
    catch (error) {
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
function configProblems(policy, rawConfig) {
    const { values, errors } = parsedConfigOf(policy, keysOf(policy), rawConfig);
    const invalidExemptions = values.exemptions.filter((e) => e.invalid !== undefined);
    return [
        ...errors.map((error) => `Invalid configuration of policy ${policy.name}: ${error}.`),
        ...invalidExemptions.map((bad) => `Invalid exemption in the configuration of policy ${policy.name}: ${bad.invalid}. It is not applied.`),
    ].map((message) => ({ message, enforcementLevel: "mandatory" }));
}
/** The raw object behind the SDK's unknown-checking proxy, so unknowns can be read rather than thrown. */
function unwrapProps(props) {
    try {
        const target = props?.["__getSpecialProxyTarget"];
        return target !== undefined ? target : props;
    }
    catch {
        return props;
    }
}
/** The fields the Pulumi SDK takes from any policy. */
function sdkFields(policy) {
    return {
        name: policy.name,
        description: policy.description,
        enforcementLevel: policy.enforcementLevel,
        severity: policy.severity,
        remediationSteps: policy.remediationSteps,
        tags: policy.tags,
        configSchema: (0, config_1.configSchema)({ ...policy.config, ...exports.commonKeys }),
    };
}
/**
 * Hands reports to the SDK. It accepts a violation object (message, urn, enforcementLevel) besides a
 * plain string, though its type declares only the string; the object lets "cannot be verified"
 * findings take their own level and keeps our message free of the SDK's prefix.
 */
function emit(reportViolation, reports) {
    for (const report of reports) {
        reportViolation({
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
const analysed = new turnMemo_1.TurnMemo();
/**
 * The policy as the Pulumi SDK wants it. Besides judging each resource, it reports its config problems
 * once per stack: the SDK runs a policy's `validateStack` at the end of every preview or update, also
 * for a policy that judges resources.
 */
function toResourcePolicy(policy) {
    const once = {
        validateStack: (args, reportViolation) => emit(reportViolation, configProblems(policy, args.getConfig())),
    };
    return {
        ...sdkFields(policy),
        ...once,
        // Declared to the server: for other types the validation returns at once, and is not called.
        validateResource: (0, typesJudged_1.declareTypesJudged)((args, reportViolation) => {
            if (!policy.appliesTo.has(args.type))
                return;
            let reports;
            try {
                const props = unwrapProps(args.props);
                const resource = analysed.get(`${args.type}\u0000${args.urn}\u0000${args.name}`, props, () => ({
                    type: args.type,
                    name: args.name,
                    urn: args.urn,
                    props,
                }));
                reports = policy.evaluate(resource, args.getConfig());
            }
            catch (error) {
                reports = [couldNotRun(policy.name, `resource "${args.name}"`, error)];
            }
            // Most resources have nothing to report: no array to build, and emit only ever sees the arrays
            // map() makes (V8 deoptimised it over the differently built empty ones).
            if (reports.length > 0) {
                emit(reportViolation, reports.map((report) => ({ ...report, urn: args.urn })));
            }
        }, policy.appliesTo),
    };
}
