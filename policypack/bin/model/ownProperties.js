"use strict";
/**
 * Safe reads of objects built from outside data (props, config, tags): only own properties count, so
 * a name like "constructor" or "toString" never finds a member every object inherits.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isPlainObject = isPlainObject;
exports.hasOwn = hasOwn;
exports.ownValue = ownValue;
function isPlainObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/**
 * Whether `key` is the object's own property. Names, types, tags and config keys come from programs:
 * `"toString" in {}` is true and `{}["constructor"]` is a function, so a table keyed by outside data
 * is read only through this (or is a Map).
 */
function hasOwn(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
}
/** `record[key]` when it is the record's own property, else undefined (never an inherited member). */
function ownValue(record, key) {
    return hasOwn(record, key) ? record[key] : undefined;
}
