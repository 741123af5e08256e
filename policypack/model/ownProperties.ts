/**
 * Safe reads of objects built from outside data (props, config, tags): only own properties count, so
 * a name like "constructor" or "toString" never finds a member every object inherits.
 */

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
