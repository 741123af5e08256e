"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Tierguard = exports.tierguardPolicyInfo = exports.tierguardPolicyNames = void 0;
exports.tierguardPolicies = tierguardPolicies;
const config_1 = require("./kit/config");
const define_1 = require("./kit/define");
const defineStack_1 = require("./kit/defineStack");
const didYouMean_1 = require("./kit/didYouMean");
const ownProperties_1 = require("./model/ownProperties");
const unresolved_1 = require("./model/unresolved");
const typesJudged_1 = require("./server/typesJudged");
const policies_1 = require("./policies");
const LEVELS = ["advisory", "mandatory", "disabled"];
const definitions = [
    ...policies_1.policyDefinitions.map((p) => ({ kind: "resource", metadata: p, build: () => (0, define_1.toResourcePolicy)(p) })),
    ...policies_1.stackPolicyDefinitions.map((p) => ({ kind: "stack", metadata: p, build: () => (0, defineStack_1.toStackPolicy)(p) })),
];
/** Every policy's name, in the order the README lists them. */
exports.tierguardPolicyNames = definitions.map((d) => d.metadata.name);
/** Every policy with its description, level and settings (for an organisation's own documentation). */
exports.tierguardPolicyInfo = definitions.map(({ kind, metadata }) => ({
    name: metadata.name,
    kind,
    description: metadata.description,
    enforcementLevel: metadata.enforcementLevel,
    severity: metadata.severity,
    remediationSteps: metadata.remediationSteps,
    tags: [...metadata.tags],
    settings: Object.fromEntries(Object.entries((0, config_1.configSchema)((0, define_1.keysOf)(metadata)).properties).map(([key, schema]) => [
        key,
        { description: String(schema.description ?? ""), default: schema.default },
    ])),
}));
function levelProblem(where, level) {
    if (typeof level === "string" && LEVELS.includes(level))
        return undefined;
    const remediate = level === "remediate" ? " (no tierguard policy remediates; use mandatory)" : "";
    return `${where} = ${(0, unresolved_1.show)(level)} is not an enforcement level: advisory, mandatory or disabled${remediate}`;
}
/** The problems of one policy's settings, read by the pack's own readers. */
function settingsProblems(name, metadata, settings) {
    const { values, problems } = (0, config_1.parseConfig)((0, define_1.keysOf)(metadata), settings);
    return [
        ...problems.map((p) => p.unknownKey ? `"${name}".${p.key}${(0, didYouMean_1.didYouMean)(p.key, Object.keys((0, define_1.keysOf)(metadata)))} ${p.reason}` : `"${name}".${p.key}: ${p.reason}`),
        ...values.exemptions.filter((e) => e.invalid !== undefined).map((e) => `"${name}".${e.invalid}`),
    ];
}
/** Applies a level and settings to a policy as the SDK holds it: settings become its defaults, seen by every host. */
function configured(policy, level, settings) {
    const keys = Object.keys(settings);
    if (keys.length === 0)
        return { ...policy, enforcementLevel: level };
    const properties = { ...(policy.configSchema?.properties ?? {}) };
    for (const key of keys)
        properties[key] = { ...properties[key], default: settings[key] };
    // A host that does not fill schema defaults (tests, tierguard check of another pack) still gets the settings;
    // a value the stack's policy config gives wins, as it wins over any default.
    const withSettings = (args) => {
        const given = args.getConfig();
        const merged = { ...settings };
        if ((0, ownProperties_1.isPlainObject)(given))
            for (const [key, value] of Object.entries(given))
                if (value !== undefined && value !== null)
                    merged[key] = value;
        return Object.create(args, { getConfig: { value: () => merged } });
    };
    const base = { ...policy, enforcementLevel: level, configSchema: { ...policy.configSchema, properties } };
    if ("validateResource" in policy) {
        // The kit's resource policies also report their config problems from a validateStack (see toResourcePolicy).
        const resourcePolicy = policy;
        const validateResource = resourcePolicy.validateResource;
        const validateStack = resourcePolicy.validateStack;
        // One function, as toResourcePolicy builds it (the SDK also allows a list).
        const validate = validateResource;
        const wrapped = (args, report) => validate(withSettings(args), report);
        const types = (0, typesJudged_1.typesJudgedBy)(validate);
        if (types)
            (0, typesJudged_1.declareTypesJudged)(wrapped, types);
        const once = validateStack
            ? { validateStack: (args, report) => validateStack(withSettings(args), report) }
            : {};
        return { ...base, validateResource: wrapped, ...once };
    }
    const validateStack = policy.validateStack;
    return { ...base, validateStack: (args, report) => validateStack(withSettings(args), report) };
}
/**
 * tierguard's policies with the given levels and settings, as a list for `new PolicyPack(...)`.
 * Throws one error listing every problem of `args`.
 */
function tierguardPolicies(args = {}) {
    const given = args;
    if (!(0, ownProperties_1.isPlainObject)(given))
        throw new Error(`tierguard: the policy settings must be an object of policy names, got ${(0, unresolved_1.show)(given)}`);
    const problems = [];
    for (const key of Object.keys(given)) {
        if (key !== "all" && !definitions.some((d) => d.metadata.name === key)) {
            problems.push(`${(0, unresolved_1.show)(key)} is not a tierguard policy${(0, didYouMean_1.didYouMean)(key, exports.tierguardPolicyNames)} (its policies: ${exports.tierguardPolicyNames.join(", ")})`);
        }
    }
    const all = (0, ownProperties_1.hasOwn)(given, "all") ? given.all : undefined;
    if (all !== undefined) {
        const problem = levelProblem(`"all"`, all);
        if (problem)
            problems.push(problem);
    }
    const built = [];
    for (const { metadata, build } of definitions) {
        const entry = (0, ownProperties_1.hasOwn)(given, metadata.name) ? given[metadata.name] : undefined;
        let level = all ?? metadata.enforcementLevel;
        let settings = {};
        if (typeof entry === "string") {
            level = entry;
            const problem = levelProblem(`"${metadata.name}"`, entry);
            if (problem)
                problems.push(problem);
        }
        else if ((0, ownProperties_1.isPlainObject)(entry)) {
            const { enforcementLevel, ...rest } = entry;
            if (enforcementLevel !== undefined) {
                level = enforcementLevel;
                const problem = levelProblem(`"${metadata.name}".enforcementLevel`, enforcementLevel);
                if (problem)
                    problems.push(problem);
            }
            settings = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== null));
            problems.push(...settingsProblems(metadata.name, metadata, settings));
        }
        else if (entry !== undefined) {
            problems.push(`"${metadata.name}" = ${(0, unresolved_1.show)(entry)} must be an enforcement level or an object of settings`);
        }
        if (problems.length === 0)
            built.push(configured(build(), level, settings));
    }
    if (problems.length > 0)
        throw new Error(`tierguard: invalid policy settings, so no policy was built:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    return built;
}
/**
 * tierguard's policies, configured: an array of @pulumi/policy policies, to spread into an organisation's
 * own pack (`policies: [...new Tierguard({ ... }), ...own]`) or to pass as it is.
 */
class Tierguard extends Array {
    // map, filter, slice... return plain arrays, not Tierguards built from a length.
    static get [Symbol.species]() {
        return Array;
    }
    constructor(args = {}) {
        super();
        this.push(...tierguardPolicies(args));
    }
}
exports.Tierguard = Tierguard;
