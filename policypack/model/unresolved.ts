/**
 * A value that could not be read: not known yet (a preview) or not valid for AWS. The model carries
 * these instead of guesses, so every verdict can say which property left it open.
 */
import { hasOwn, isPlainObject } from "./ownProperties";

export type Unresolved = { kind: "unknown"; property: string } | { kind: "malformed"; property: string; value: unknown; reason: string };

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
        text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
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
