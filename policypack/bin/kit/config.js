"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.internetKeys = void 0;
exports.portsKey = portsKey;
exports.icmpTypesKey = icmpTypesKey;
exports.cidrsKey = cidrsKey;
exports.integerKey = integerKey;
exports.enumKey = enumKey;
exports.parseConfig = parseConfig;
exports.configSchema = configSchema;
const addresses_1 = require("../model/addresses");
const ports_1 = require("../model/ports");
const ownProperties_1 = require("../model/ownProperties");
const unresolved_1 = require("../model/unresolved");
function invalid(reason) {
    return { invalid: reason };
}
function isInvalid(value) {
    return (0, ownProperties_1.isPlainObject)(value) && typeof value.invalid === "string" && Object.keys(value).length === 1;
}
/** Reads a list of ports: numbers, or "from-to" strings for ranges. */
function readPortList(raw) {
    if (!Array.isArray(raw))
        return invalid(`${(0, unresolved_1.show)(raw)} is not a list of ports`);
    const ranges = [];
    for (const [i, item] of raw.entries()) {
        const range = typeof item === "number" && Number.isInteger(item) ? [item, item] : typeof item === "string" ? (0, ports_1.readPortRangeText)(item) : undefined;
        if (!range || range[0] < 0 || range[1] > 65535 || range[0] > range[1]) {
            return invalid(`item [${i}] = ${(0, unresolved_1.show)(item)} is not a port (0-65535) or a "from-to" range`);
        }
        ranges.push(range);
    }
    return (0, ports_1.portSet)(ranges);
}
/** A list of ports: numbers, or "from-to" strings for ranges. */
function portsKey(description, defaults) {
    const defaultValue = readPortList([...defaults]);
    if (isInvalid(defaultValue))
        throw new Error(`bad default ports ${(0, unresolved_1.show)(defaults)}`);
    return {
        schema: { type: "array", description, items: { type: ["integer", "string"] }, default: [...defaults] },
        defaultValue,
        read: readPortList,
    };
}
/** A list of ICMP types (0-255). */
function icmpTypesKey(description) {
    return {
        schema: { type: "array", description, items: { type: "integer", minimum: 0, maximum: 255 }, default: [] },
        defaultValue: [],
        read(raw) {
            if (!Array.isArray(raw))
                return invalid(`${(0, unresolved_1.show)(raw)} is not a list of ICMP types`);
            for (const [i, item] of raw.entries()) {
                if (typeof item !== "number" || !Number.isInteger(item) || item < 0 || item > 255) {
                    return invalid(`item [${i}] = ${(0, unresolved_1.show)(item)} is not an ICMP type (0-255)`);
                }
            }
            return raw;
        },
    };
}
function cidrsKey(description) {
    return {
        schema: { type: "array", description, items: { type: "string" }, default: [] },
        defaultValue: [],
        read(raw) {
            if (!Array.isArray(raw))
                return invalid(`${(0, unresolved_1.show)(raw)} is not a list of CIDRs`);
            const cidrs = [];
            for (const [i, item] of raw.entries()) {
                const parsed = (0, addresses_1.parseCidr)(item);
                if (typeof parsed === "string")
                    return invalid(`item [${i}] = ${(0, unresolved_1.show)(item)} is not a CIDR: ${parsed}`);
                cidrs.push(parsed);
            }
            return cidrs;
        },
    };
}
function integerKey(description, defaultValue, minimum, maximum) {
    return {
        schema: { type: "integer", description, minimum, maximum, default: defaultValue },
        defaultValue,
        read(raw) {
            if (typeof raw !== "number" || !Number.isInteger(raw) || raw < minimum || raw > maximum) {
                return invalid(`${(0, unresolved_1.show)(raw)} is not a whole number from ${minimum} to ${maximum}`);
            }
            return raw;
        },
    };
}
function enumKey(description, values, defaultValue) {
    return {
        schema: { type: "string", description, enum: [...values], default: defaultValue },
        defaultValue,
        read(raw) {
            return typeof raw === "string" && values.includes(raw)
                ? raw
                : invalid(`${(0, unresolved_1.show)(raw)} is not one of ${values.map((v) => `"${v}"`).join(", ")}`);
        },
    };
}
/** Keys every policy that judges "the internet" shares. */
exports.internetKeys = {
    internetPrefixV4: integerKey("IPv4 CIDRs with a prefix shorter than this that contain a public address count as the internet.", 16, 0, 32),
    internetPrefixV6: integerKey("IPv6 CIDRs with a prefix shorter than this that contain a public address count as the internet.", 32, 0, 128),
};
function parseConfig(keys, raw) {
    const values = {};
    const errors = [];
    const problems = [];
    const given = (0, ownProperties_1.isPlainObject)(raw) ? raw : {};
    for (const [name, key] of Object.entries(keys)) {
        const setting = (0, ownProperties_1.ownValue)(given, name);
        if (setting === undefined || setting === null) {
            values[name] = key.defaultValue;
            continue;
        }
        const value = key.read(setting);
        if (isInvalid(value)) {
            problems.push({ key: name, reason: value.invalid, unknownKey: false });
            errors.push(`config ${(0, unresolved_1.show)(name)}: ${value.invalid}; the default ${(0, unresolved_1.show)(key.schema.default)} is used instead`);
            values[name] = key.defaultValue;
        }
        else {
            values[name] = value;
        }
    }
    for (const name of Object.keys(given)) {
        // Own keys only: a setting named "constructor" or "toString" is as unknown as any other typo.
        if (!(0, ownProperties_1.hasOwn)(keys, name) && name !== "enforcementLevel") {
            const reason = `is not a setting of this policy (its settings: ${Object.keys(keys).join(", ")})`;
            problems.push({ key: name, reason, unknownKey: true });
            errors.push(`config ${(0, unresolved_1.show)(name)} ${reason}`);
        }
    }
    return { values: values, errors, problems };
}
function configSchema(keys) {
    const properties = {};
    for (const [name, key] of Object.entries(keys))
        properties[name] = key.schema;
    return { properties };
}
