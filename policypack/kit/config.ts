/**
 * Policy configuration: each key has a JSON schema (shown to `pulumi` and validated by the CLI), a
 * default, and a reader. Defaults are applied here too, because hosts other than the CLI (tests,
 * `tierguard check`, the service) may not fill them from the schema. A value that cannot be read is
 * reported, naming the key and value, and the default is used in its place.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { Cidr, parseCidr } from "../model/addresses";
import { PortSet, portSet, readPortRangeText } from "../model/ports";
import { hasOwn, isPlainObject, ownValue } from "../model/ownProperties";
import { show } from "../model/unresolved";

type PolicyConfigJSONSchema = PolicyConfigSchema["properties"][string];

/**
 * A config key. `T` is what the check reads (a parsed port set, CIDRs); `S` is what a user writes for it
 * (numbers and "from-to" strings): the type of the setting in `new Tierguard({...})` (policypack/compose.ts),
 * declared once, here, by each kind of key.
 */
export interface ConfigKey<T, S = unknown> {
    schema: PolicyConfigJSONSchema;
    defaultValue: T;
    /** Returns the value, or a reason it is invalid. */
    read(raw: unknown): T | { invalid: string };
    /** Type only, never set: what a user writes for this key (see SettingOf). */
    readonly setting?: S;
}

export type ConfigKeys = Record<string, ConfigKey<unknown>>;
export type ConfigValues<K extends ConfigKeys> = { [P in keyof K]: K[P] extends ConfigKey<infer T> ? T : never };
/** What a user writes for one key. */
export type SettingOf<C> = C extends { readonly setting?: infer S } ? S : never;
/** What a user writes for a policy's keys: every key optional (its default applies). */
export type SettingsOf<K extends ConfigKeys> = { [P in keyof K]?: SettingOf<K[P]> };

/** A port as config lists write it: a number, or a "from-to" range. */
export type PortSetting = number | `${number}-${number}`;

function invalid(reason: string): { invalid: string } {
    return { invalid: reason };
}

function isInvalid(value: unknown): value is { invalid: string } {
    return isPlainObject(value) && typeof value.invalid === "string" && Object.keys(value).length === 1;
}

/** Reads a list of ports: numbers, or "from-to" strings for ranges. */
function readPortList(raw: unknown): PortSet | { invalid: string } {
    if (!Array.isArray(raw)) return invalid(`${show(raw)} is not a list of ports`);
    const ranges: Array<[number, number]> = [];
    for (const [i, item] of raw.entries()) {
        const range: [number, number] | undefined =
            typeof item === "number" && Number.isInteger(item) ? [item, item] : typeof item === "string" ? readPortRangeText(item) : undefined;
        if (!range || range[0] < 0 || range[1] > 65535 || range[0] > range[1]) {
            return invalid(`item [${i}] = ${show(item)} is not a port (0-65535) or a "from-to" range`);
        }
        ranges.push(range);
    }
    return portSet(ranges);
}

/** A list of ports: numbers, or "from-to" strings for ranges. */
export function portsKey(description: string, defaults: readonly PortSetting[]): ConfigKey<PortSet, readonly PortSetting[]> {
    const defaultValue = readPortList([...defaults]);
    if (isInvalid(defaultValue)) throw new Error(`bad default ports ${show(defaults)}`);
    return {
        schema: { type: "array", description, items: { type: ["integer", "string"] }, default: [...defaults] },
        defaultValue,
        read: readPortList,
    };
}

/** A list of ICMP types (0-255). */
export function icmpTypesKey(description: string): ConfigKey<number[], readonly number[]> {
    return {
        schema: { type: "array", description, items: { type: "integer", minimum: 0, maximum: 255 }, default: [] },
        defaultValue: [],
        read(raw) {
            if (!Array.isArray(raw)) return invalid(`${show(raw)} is not a list of ICMP types`);
            for (const [i, item] of raw.entries()) {
                if (typeof item !== "number" || !Number.isInteger(item) || item < 0 || item > 255) {
                    return invalid(`item [${i}] = ${show(item)} is not an ICMP type (0-255)`);
                }
            }
            return raw as number[];
        },
    };
}

export function cidrsKey(description: string): ConfigKey<Cidr[], readonly string[]> {
    return {
        schema: { type: "array", description, items: { type: "string" }, default: [] },
        defaultValue: [],
        read(raw) {
            if (!Array.isArray(raw)) return invalid(`${show(raw)} is not a list of CIDRs`);
            const cidrs: Cidr[] = [];
            for (const [i, item] of raw.entries()) {
                const parsed = parseCidr(item as string);
                if (typeof parsed === "string") return invalid(`item [${i}] = ${show(item)} is not a CIDR: ${parsed}`);
                cidrs.push(parsed);
            }
            return cidrs;
        },
    };
}

export function integerKey(description: string, defaultValue: number, minimum: number, maximum: number): ConfigKey<number, number> {
    return {
        schema: { type: "integer", description, minimum, maximum, default: defaultValue },
        defaultValue,
        read(raw) {
            if (typeof raw !== "number" || !Number.isInteger(raw) || raw < minimum || raw > maximum) {
                return invalid(`${show(raw)} is not a whole number from ${minimum} to ${maximum}`);
            }
            return raw;
        },
    };
}

export function enumKey<T extends string>(description: string, values: readonly T[], defaultValue: T): ConfigKey<T, T> {
    return {
        schema: { type: "string", description, enum: [...values], default: defaultValue },
        defaultValue,
        read(raw) {
            return typeof raw === "string" && (values as readonly string[]).includes(raw)
                ? (raw as T)
                : invalid(`${show(raw)} is not one of ${values.map((v) => `"${v}"`).join(", ")}`);
        },
    };
}

/** Keys every policy that judges "the internet" shares. */
export const internetKeys = {
    internetPrefixV4: integerKey("IPv4 CIDRs with a prefix shorter than this that contain a public address count as the internet.", 16, 0, 32),
    internetPrefixV6: integerKey("IPv6 CIDRs with a prefix shorter than this that contain a public address count as the internet.", 32, 0, 128),
};

/** A setting that cannot be used: a value its key cannot read, or a key the policy does not have. */
export interface ConfigProblem {
    key: string;
    /** Why, naming the value (or, for an unknown key, the policy's settings). */
    reason: string;
    unknownKey: boolean;
}

export interface ParsedConfig<K extends ConfigKeys> {
    values: ConfigValues<K>;
    /** One sentence per key that could not be read, naming the key and value. */
    errors: string[];
    /** The same problems, structured (errors add what the pack does meanwhile). */
    problems: ConfigProblem[];
}

export function parseConfig<K extends ConfigKeys>(keys: K, raw: unknown): ParsedConfig<K> {
    const values: Record<string, unknown> = {};
    const errors: string[] = [];
    const problems: ConfigProblem[] = [];
    const given = isPlainObject(raw) ? raw : {};
    for (const [name, key] of Object.entries(keys)) {
        const setting = ownValue(given, name);
        if (setting === undefined || setting === null) {
            values[name] = key.defaultValue;
            continue;
        }
        const value = key.read(setting);
        if (isInvalid(value)) {
            problems.push({ key: name, reason: value.invalid, unknownKey: false });
            errors.push(`config ${show(name)}: ${value.invalid}; the default ${show(key.schema.default)} is used instead`);
            values[name] = key.defaultValue;
        } else {
            values[name] = value;
        }
    }
    for (const name of Object.keys(given)) {
        // Own keys only: a setting named "constructor" or "toString" is as unknown as any other typo.
        if (!hasOwn(keys, name) && name !== "enforcementLevel") {
            const reason = `is not a setting of this policy (its settings: ${Object.keys(keys).join(", ")})`;
            problems.push({ key: name, reason, unknownKey: true });
            errors.push(`config ${show(name)} ${reason}`);
        }
    }
    return { values: values as ConfigValues<K>, errors, problems };
}

export function configSchema(keys: ConfigKeys): { properties: Record<string, PolicyConfigJSONSchema> } {
    const properties: Record<string, PolicyConfigJSONSchema> = {};
    for (const [name, key] of Object.entries(keys)) properties[name] = key.schema;
    return { properties };
}
