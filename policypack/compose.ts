/**
 * tierguard's policies for an organisation's own policy pack (`import { Tierguard } from "tierguard/policies"`):
 *
 *     new PolicyPack("org", { policies: [...new Tierguard({ all: "mandatory", "no-wide-ingress-port-ranges": { maxPorts: 20 } }), ...own] });
 *
 * Levels and settings are checked when the policies are built, with the readers the pack validates its
 * configuration with: an unknown policy or setting, or a value a key cannot read, throws an error naming
 * each, so a typo never leaves a policy weaker than written. Settings become the policies' defaults: the
 * config schema the engine sees carries them, and a stack's policy config (`--policy-pack-config`) still
 * overrides them key by key, as it overrides any pack's defaults.
 *
 * The types come from the registry (policypack/policies/index.ts) and each policy's config keys: a key's
 * kind (portsKey, cidrsKey, ...) declares what a user writes for it once (ConfigKey's `S`), so there is no
 * second, hand-written list of settings to fall out of step. Importing this module starts nothing.
 */
import type {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidation,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { ConfigKeys, SettingsOf, configSchema, parseConfig } from "./kit/config";
import { PolicyMetadata, commonKeys, keysOf, toResourcePolicy } from "./kit/define";
import { toStackPolicy } from "./kit/defineStack";
import { Exemption } from "./kit/exemptions";
import { didYouMean } from "./kit/didYouMean";
import { hasOwn, isPlainObject } from "./model/ownProperties";
import { show } from "./model/unresolved";
import { declareTypesJudged, typesJudgedBy } from "./server/typesJudged";
import { policyDefinitions, resourcePolicyCatalog, stackPolicyCatalog, stackPolicyDefinitions } from "./policies";

export type { ExemptionSetting } from "./kit/exemptions";
export type { PortSetting } from "./kit/config";

/** The levels a tierguard policy takes. (`remediate` is refused: no tierguard policy changes resources.) */
export type EnforcementLevel = "advisory" | "mandatory" | "disabled";
const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled"];

type Catalog = typeof resourcePolicyCatalog & typeof stackPolicyCatalog;

/** The name of one of tierguard's policies (kebab-case, stable: the keys of policy config). */
export type TierguardPolicyName = keyof Catalog & string;

type KeysOfDefinition<D> = D extends PolicyMetadata<infer K> ? K & typeof commonKeys : never;

/** The settings of one policy: its own keys and every policy's `unknownValues` and `exemptions`, all optional. */
export type TierguardSettings<N extends TierguardPolicyName> = Flatten<SettingsOf<KeysOfDefinition<Catalog[N]>>>;

/** An object type spelt out key by key (so an editor's hints and error messages list the settings themselves). */
type Flatten<T> = { [P in keyof T]: T[P] } & {};

/** A policy's entry: a level, or its settings with an optional level. */
export type TierguardPolicyArgs<N extends TierguardPolicyName> = EnforcementLevel | Flatten<{ enforcementLevel?: EnforcementLevel } & TierguardSettings<N>>;

/** `all`: the level of every policy not given one; then one optional entry per policy, by name. */
export type TierguardArgs = { all?: EnforcementLevel } & { [N in TierguardPolicyName]?: TierguardPolicyArgs<N> };

/** A policy as @pulumi/policy takes it in `new PolicyPack(name, { policies })`. */
export type TierguardPolicy = ResourceValidationPolicy | StackValidationPolicy;

/** One policy, for documentation: what it judges, its default level and its settings with their defaults. */
export interface TierguardPolicyInfo {
    name: TierguardPolicyName;
    /** "resource": judged on each resource (Analyze); "stack": on the stack's network graph (AnalyzeStack). */
    kind: "resource" | "stack";
    description: string;
    enforcementLevel: "advisory" | "mandatory";
    severity: string;
    remediationSteps: string;
    tags: readonly string[];
    settings: Record<string, { description: string; default: unknown }>;
}

const definitions: ReadonlyArray<{ kind: "resource" | "stack"; metadata: PolicyMetadata<ConfigKeys>; build(): TierguardPolicy }> = [
    ...policyDefinitions.map((p) => ({ kind: "resource" as const, metadata: p, build: () => toResourcePolicy(p) })),
    ...stackPolicyDefinitions.map((p) => ({ kind: "stack" as const, metadata: p, build: () => toStackPolicy(p) })),
];

/** Every policy's name, in the order the README lists them. */
export const tierguardPolicyNames: readonly TierguardPolicyName[] = definitions.map((d) => d.metadata.name as TierguardPolicyName);

/** Every policy with its description, level and settings (for an organisation's own documentation). */
export const tierguardPolicyInfo: readonly TierguardPolicyInfo[] = definitions.map(({ kind, metadata }) => ({
    name: metadata.name as TierguardPolicyName,
    kind,
    description: metadata.description,
    enforcementLevel: metadata.enforcementLevel,
    severity: metadata.severity,
    remediationSteps: metadata.remediationSteps,
    tags: [...metadata.tags],
    settings: Object.fromEntries(
        Object.entries(configSchema(keysOf(metadata)).properties).map(([key, schema]) => [
            key,
            { description: String(schema.description ?? ""), default: schema.default },
        ]),
    ),
}));

type PolicyConfigJSONSchema = PolicyConfigSchema["properties"][string];

function levelProblem(where: string, level: unknown): string | undefined {
    if (typeof level === "string" && (LEVELS as readonly string[]).includes(level)) return undefined;
    const remediate = level === "remediate" ? " (no tierguard policy remediates; use mandatory)" : "";
    return `${where} = ${show(level)} is not an enforcement level: advisory, mandatory or disabled${remediate}`;
}

/** The problems of one policy's settings, read by the pack's own readers. */
function settingsProblems(name: string, metadata: PolicyMetadata<ConfigKeys>, settings: Record<string, unknown>): string[] {
    const { values, problems } = parseConfig(keysOf(metadata), settings);
    return [
        ...problems.map((p) =>
            p.unknownKey ? `"${name}".${p.key}${didYouMean(p.key, Object.keys(keysOf(metadata)))} ${p.reason}` : `"${name}".${p.key}: ${p.reason}`,
        ),
        ...(values.exemptions as Exemption[]).filter((e) => e.invalid !== undefined).map((e) => `"${name}".${e.invalid}`),
    ];
}

/** Applies a level and settings to a policy as the SDK holds it: settings become its defaults, seen by every host. */
function configured(policy: TierguardPolicy, level: EnforcementLevel, settings: Record<string, unknown>): TierguardPolicy {
    const keys = Object.keys(settings);
    if (keys.length === 0) return { ...policy, enforcementLevel: level };
    const properties = { ...(policy.configSchema?.properties ?? {}) };
    for (const key of keys) properties[key] = { ...properties[key], default: settings[key] as PolicyConfigJSONSchema["default"] };
    // A host that does not fill schema defaults (tests, tierguard check of another pack) still gets the settings;
    // a value the stack's policy config gives wins, as it wins over any default.
    const withSettings = <A extends { getConfig(): unknown }>(args: A): A => {
        const given = args.getConfig();
        const merged: Record<string, unknown> = { ...settings };
        if (isPlainObject(given)) for (const [key, value] of Object.entries(given)) if (value !== undefined && value !== null) merged[key] = value;
        return Object.create(args, { getConfig: { value: () => merged } }) as A;
    };
    const base = { ...policy, enforcementLevel: level, configSchema: { ...policy.configSchema, properties } };
    if ("validateResource" in policy) {
        // The kit's resource policies also report their config problems from a validateStack (see toResourcePolicy).
        const resourcePolicy = policy as ResourceValidationPolicy & { validateStack?: StackValidationPolicy["validateStack"] };
        const validateResource = resourcePolicy.validateResource;
        const validateStack = resourcePolicy.validateStack;
        // One function, as toResourcePolicy builds it (the SDK also allows a list).
        const validate = validateResource as ResourceValidation;
        const wrapped: ResourceValidation = (args, report) => validate(withSettings(args), report);
        const types = typesJudgedBy(validate);
        if (types) declareTypesJudged(wrapped, types);
        const once: Pick<StackValidationPolicy, "validateStack"> | object = validateStack
            ? { validateStack: (args: StackValidationArgs, report: ReportViolation) => validateStack!(withSettings(args), report) }
            : {};
        return { ...base, validateResource: wrapped, ...once } as ResourceValidationPolicy;
    }
    const validateStack = (policy as StackValidationPolicy).validateStack;
    return { ...base, validateStack: (args, report) => validateStack(withSettings(args), report) } as StackValidationPolicy;
}

/**
 * tierguard's policies with the given levels and settings, as a list for `new PolicyPack(...)`.
 * Throws one error listing every problem of `args`.
 */
export function tierguardPolicies(args: TierguardArgs = {}): TierguardPolicy[] {
    const given: unknown = args;
    if (!isPlainObject(given)) throw new Error(`tierguard: the policy settings must be an object of policy names, got ${show(given)}`);
    const problems: string[] = [];
    for (const key of Object.keys(given)) {
        if (key !== "all" && !definitions.some((d) => d.metadata.name === key)) {
            problems.push(`${show(key)} is not a tierguard policy${didYouMean(key, tierguardPolicyNames)} (its policies: ${tierguardPolicyNames.join(", ")})`);
        }
    }
    const all = hasOwn(given, "all") ? given.all : undefined;
    if (all !== undefined) {
        const problem = levelProblem(`"all"`, all);
        if (problem) problems.push(problem);
    }
    const built: TierguardPolicy[] = [];
    for (const { metadata, build } of definitions) {
        const entry = hasOwn(given, metadata.name) ? given[metadata.name] : undefined;
        let level: unknown = all ?? metadata.enforcementLevel;
        let settings: Record<string, unknown> = {};
        if (typeof entry === "string") {
            level = entry;
            const problem = levelProblem(`"${metadata.name}"`, entry);
            if (problem) problems.push(problem);
        } else if (isPlainObject(entry)) {
            const { enforcementLevel, ...rest } = entry;
            if (enforcementLevel !== undefined) {
                level = enforcementLevel;
                const problem = levelProblem(`"${metadata.name}".enforcementLevel`, enforcementLevel);
                if (problem) problems.push(problem);
            }
            settings = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== null));
            problems.push(...settingsProblems(metadata.name, metadata, settings));
        } else if (entry !== undefined) {
            problems.push(`"${metadata.name}" = ${show(entry)} must be an enforcement level or an object of settings`);
        }
        if (problems.length === 0) built.push(configured(build(), level as EnforcementLevel, settings));
    }
    if (problems.length > 0) throw new Error(`tierguard: invalid policy settings, so no policy was built:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    return built;
}

/**
 * tierguard's policies, configured: an array of @pulumi/policy policies, to spread into an organisation's
 * own pack (`policies: [...new Tierguard({ ... }), ...own]`) or to pass as it is.
 */
export class Tierguard extends Array<TierguardPolicy> {
    // map, filter, slice... return plain arrays, not Tierguards built from a length.
    static get [Symbol.species]() {
        return Array;
    }

    constructor(args: TierguardArgs = {}) {
        super();
        this.push(...tierguardPolicies(args));
    }
}
