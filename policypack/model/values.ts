/**
 * Reading raw property values exactly as the engine hands them to a pack.
 *
 * The engine may send anything: during a preview, values not known yet arrive as sentinel strings;
 * secrets may arrive wrapped; a buggy or hostile program can put any JSON value in any field. Every
 * adapter reads props through these helpers so that nothing downstream ever sees a raw sentinel or
 * throws on an unexpected type.
 */
import { SECRET_SIG, SIG_KEY, UNKNOWN_SENTINELS } from "./sentinels";

export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether `key` is the object's own property. Names, types, tags and config keys come from programs:
 * `"toString" in {}` is true and `{}["constructor"]` is a function, so a table keyed by outside data
 * is read only through this (or is a Map).
 */
export function hasOwn(object: object, key: string): boolean {
    return Object.prototype.hasOwnProperty.call(object, key);
}

/** `record[key]` when it is the record's own property, else undefined (never an inherited member). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
    return hasOwn(record, key) ? record[key] : undefined;
}

/** Unwraps a serialized secret (the SDK usually does this already; stack exports and other hosts may not). */
export function unwrapSecret(value: unknown): unknown {
    let current = value;
    // A secret cannot legitimately nest, but a malformed one might: unwrap a bounded number of times.
    for (let depth = 0; depth < 8 && isPlainObject(current) && current[SIG_KEY] === SECRET_SIG; depth++) {
        current = current.value;
    }
    return current;
}

/** Reads `object[key]` with secrets unwrapped; anything that is not an object yields undefined. */
export function field(object: unknown, key: string): unknown {
    const target = unwrapSecret(object);
    if (!isPlainObject(target) || !hasOwn(target, key)) {
        return undefined;
    }
    const value = unwrapSecret(target[key]);
    return value === null ? undefined : value;
}

/** A value that could not be read: not known yet (preview) or not valid for AWS. */
export type Unresolved =
    | { kind: "unknown"; property: string }
    | { kind: "malformed"; property: string; value: unknown; reason: string };

export function unknownAt(property: string): Unresolved {
    return { kind: "unknown", property };
}

export function malformedAt(property: string, value: unknown, reason: string): Unresolved {
    return { kind: "malformed", property, value, reason };
}

export function isUnresolved(value: unknown): value is Unresolved {
    return isPlainObject(value) && (value.kind === "unknown" || value.kind === "malformed") && hasOwn(value, "property");
}

/** A short, bounded rendering of a raw value for messages (never dumps a huge array into a diagnostic). */
export function show(value: unknown): string {
    let text: string;
    try {
        text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
    } catch {
        text = String(value);
    }
    if (text === undefined) text = String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function describeUnresolved(u: Unresolved): string {
    return u.kind === "unknown"
        ? `${u.property} is not known until the update (it depends on a resource not created yet)`
        : `${u.property} = ${show(u.value)} is malformed: ${u.reason}`;
}

/**
 * Reads an integer the way the AWS provider accepts one: a JSON number or a decimal string.
 * Returns undefined when the field is absent.
 */
export function readInteger(raw: unknown, property: string): number | Unresolved | undefined {
    if (raw === undefined) return undefined;
    if (isUnknown(raw)) return unknownAt(property);
    if (typeof raw === "number") {
        return Number.isInteger(raw) ? raw : malformedAt(property, raw, "not a whole number");
    }
    if (typeof raw === "string" && /^\s*-?\d{1,12}\s*$/.test(raw)) {
        return Number(raw.trim());
    }
    return malformedAt(property, raw, "not a number");
}

/** Reads a boolean; the strings "true"/"false" (any case) are accepted as the provider would coerce them. */
export function readBoolean(raw: unknown, property: string): boolean | Unresolved | undefined {
    if (raw === undefined) return undefined;
    if (isUnknown(raw)) return unknownAt(property);
    if (typeof raw === "boolean") return raw;
    if (typeof raw === "string" && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === "true";
    return malformedAt(property, raw, "not a boolean");
}

/** Reads a string; numbers are not silently turned into strings. */
export function readString(raw: unknown, property: string): string | Unresolved | undefined {
    if (raw === undefined) return undefined;
    if (isUnknown(raw)) return unknownAt(property);
    if (typeof raw === "string") return raw;
    return malformedAt(property, raw, "not a string");
}

/**
 * Reads a list. A single scalar where a list is expected is malformed; an unknown list is reported
 * as one unresolved value, an unknown element as an unresolved element.
 */
export function readList(raw: unknown, property: string): unknown[] | Unresolved | undefined {
    if (raw === undefined) return undefined;
    if (isUnknown(raw)) return unknownAt(property);
    if (Array.isArray(raw)) return raw.map((element) => unwrapSecret(element));
    return malformedAt(property, raw, "not a list");
}
