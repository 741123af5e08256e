/**
 * Reading raw property values exactly as the engine hands them to a pack.
 *
 * The engine may send anything: during a preview, values not known yet arrive as sentinel strings;
 * secrets may arrive wrapped; a buggy or hostile program can put any JSON value in any field. Every
 * adapter reads props through these helpers so that nothing downstream ever sees a raw sentinel or
 * throws on an unexpected type.
 */
import { SECRET_SIG, SIG_KEY, UNKNOWN_SENTINELS } from "./sentinels";
import { hasOwn, isPlainObject } from "./ownProperties";
import { Unresolved, malformedAt, unknownAt } from "./unresolved";

export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
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

/** Reads a nested field (`["portRange", "from"]`); an unknown on the way is the answer, as nothing below it is known. */
export function fieldAt(object: unknown, path: readonly string[]): unknown {
    let value = object;
    for (let i = 0; i < path.length && !isUnknown(value); i++) value = field(value, path[i]);
    return value;
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
