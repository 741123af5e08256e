/**
 * The policy configuration file (`--policy-pack-config`, the file `pulumi preview --policy-pack-config` takes), read
 * and validated as the Pulumi CLI validates it — and stricter: an unknown level, policy name or setting,
 * or a value of the wrong type, is an error before anything runs, never a weaker policy — and turned
 * into the configuration the CLI sends the pack.
 */
import * as fs from "fs";
import { PolicyInfo } from "./engine/packProcess";
import { UsageError } from "./program/project";
import { configProblems } from "../policypack/kit/define";
import { ConfigKeys } from "../policypack/kit/config";
import { PolicyMetadata } from "../policypack/kit/define";
import { policyDefinitions, stackPolicyDefinitions } from "../policypack/policies";
import { PackConfiguration } from "../policypack/inProcess";
import { didYouMean } from "../policypack/kit/didYouMean";
import { EXCEPTIONS_KEY, exceptionProblems } from "./policyExceptions";

/** Policy config in the shape of `pulumi preview --policy-pack-config`: level strings or objects, "all" for every policy. */
export type PolicyConfigFile = Record<string, string | Record<string, unknown>>;

/** The enforcement levels Pulumi knows, spelled as it spells them. */
export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;

export function readPolicyConfig(file: string | undefined): PolicyConfigFile {
    if (!file) return {};
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    } catch (error) {
        throw new UsageError(`cannot read policy config ${file}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new UsageError(`policy config ${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new UsageError(`policy config ${file} must be a JSON object of policy names, as for pulumi preview --policy-pack-config`);
    }
    return parsed as PolicyConfigFile;
}

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

function levelProblem(where: string, level: unknown): string | undefined {
    if (typeof level === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(level)) return undefined;
    return `${where} = ${show(level)} is not a valid enforcement level (${ENFORCEMENT_LEVELS.join(", ")})${typeof level === "string" ? didYouMean(level, ENFORCEMENT_LEVELS) : ""}`;
}

/** tierguard's own policies, whose settings are read by the same code the pack reads them with. */
const OWN_POLICIES = new Map<string, PolicyMetadata<ConfigKeys>>(
    [...policyDefinitions, ...stackPolicyDefinitions].map((p) => [p.name, p as PolicyMetadata<ConfigKeys>]),
);

/** Does a value have the JSON-schema type (or one of the types) a setting declares? */
function hasSchemaType(value: unknown, type: unknown): boolean {
    const types = Array.isArray(type) ? type : [type];
    if (type === undefined) return true;
    return types.some((t) => {
        switch (t) {
            case "string":
                return typeof value === "string";
            case "integer":
                return typeof value === "number" && Number.isInteger(value);
            case "number":
                return typeof value === "number";
            case "boolean":
                return typeof value === "boolean";
            case "array":
                return Array.isArray(value);
            case "object":
                return !!value && typeof value === "object" && !Array.isArray(value);
            case "null":
                return value === null;
            default:
                return true;
        }
    });
}

/**
 * Every problem of a policy config file for a pack's policies, each naming the file's key and value.
 * tierguard's own pack is validated with its own readers; another pack (`--policy-pack`) with the names,
 * settings and types its GetAnalyzerInfo declares.
 */
export function policyConfigProblems(config: PolicyConfigFile, policies: PolicyInfo[], ownPack: boolean): string[] {
    const problems: string[] = [];
    const names = policies.map((p) => p.name);
    for (const [key, value] of Object.entries(config)) {
        if (key === EXCEPTIONS_KEY) {
            // Pulumi's policy exceptions (see policyExceptions.ts): applied by the engine side, never sent to the pack.
            problems.push(...exceptionProblems(value, names));
            continue;
        }
        if (key === "all") {
            const problem = levelProblem(`"all"`, value);
            if (problem) problems.push(problem);
            continue;
        }
        const policy = policies.find((p) => p.name === key);
        if (!policy) {
            problems.push(`"${key}" is not a policy of this pack${didYouMean(key, names)}`);
            continue;
        }
        if (typeof value === "string") {
            const problem = levelProblem(`"${key}"`, value);
            if (problem) problems.push(problem);
            continue;
        }
        if (!value || typeof value !== "object" || Array.isArray(value)) {
            problems.push(`"${key}" = ${show(value)} must be an enforcement level or an object of settings`);
            continue;
        }
        const { enforcementLevel, ...settings } = value as Record<string, unknown>;
        if (enforcementLevel !== undefined) {
            const problem = levelProblem(`"${key}".enforcementLevel`, enforcementLevel);
            if (problem) problems.push(problem);
        }
        const own = ownPack ? OWN_POLICIES.get(key) : undefined;
        if (own) {
            for (const report of configProblems(own, settings))
                problems.push(`"${key}": ${report.message.replace(/^Invalid (configuration|exemption in the configuration) of policy [^:]+: /, "")}`);
            continue;
        }
        const schema = policy.configSchema as Record<string, { type?: unknown }>;
        for (const [setting, given] of Object.entries(settings)) {
            if (!Object.prototype.hasOwnProperty.call(schema, setting)) {
                problems.push(
                    `"${key}".${setting} is not a setting of this policy${didYouMean(setting, Object.keys(schema))} (its settings: ${Object.keys(schema).join(", ") || "none"})`,
                );
            } else if (!hasSchemaType(given, schema[setting]?.type)) {
                problems.push(`"${key}".${setting} = ${show(given)} is not of type ${show(schema[setting]?.type)}`);
            }
        }
    }
    return problems;
}

/** Refuses a config with problems, listing every one. */
export function validatePolicyConfig(file: string | undefined, config: PolicyConfigFile, policies: PolicyInfo[], ownPack: boolean): void {
    const problems = policyConfigProblems(config, policies, ownPack);
    if (problems.length > 0) {
        throw new UsageError(`policy config ${file ?? ""} is invalid, so nothing was checked:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    }
}

/** tierguard's own policies as GetAnalyzerInfo describes them (for validating before the pack starts). */
export function ownPolicyInfos(): PolicyInfo[] {
    return [...OWN_POLICIES.values()].map((p) => ({
        name: p.name,
        description: p.description,
        enforcementLevel: p.enforcementLevel,
        severity: 0,
        tags: p.tags,
        remediationSteps: p.remediationSteps,
        configSchema: {},
    }));
}

/** What the CLI sends in Configure: the file's values over each policy's schema defaults and default level. */
export function configurationFor(policies: PolicyInfo[], file: PolicyConfigFile): PackConfiguration {
    const allLevel = typeof file.all === "string" ? file.all : undefined;
    const result: PackConfiguration = {};
    for (const policy of policies) {
        const given = file[policy.name];
        const settings = typeof given === "object" && given !== null ? given : {};
        const level = typeof given === "string" ? given : ((settings.enforcementLevel as string | undefined) ?? allLevel ?? policy.enforcementLevel);
        const defaults: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema)) {
            if (schema && typeof schema === "object" && "default" in (schema as object)) defaults[key] = (schema as { default: unknown }).default;
        }
        const { enforcementLevel: _ignored, ...properties } = settings as Record<string, unknown>;
        result[policy.name] = { ...defaults, ...properties, enforcementLevel: level };
    }
    return result;
}
