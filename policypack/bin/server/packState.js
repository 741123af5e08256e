"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PackState = void 0;
exports.freezeMap = freezeMap;
function freezeMap(map) {
    return Object.freeze({
        entries: map.entries.bind(map),
        forEach: map.forEach.bind(map),
        get: map.get.bind(map),
        has: map.has.bind(map),
        keys: map.keys.bind(map),
        size: map.size,
        values: map.values.bind(map),
        [Symbol.iterator]: map[Symbol.iterator].bind(map),
    });
}
class PackState {
    constructor(packEnforcementLevel) {
        this.packEnforcementLevel = packEnforcementLevel;
        /** Per policy name, as the last Configure sent it (the SDK builds it as a plain object, so do we). */
        this.config = {};
        this.stackTags = freezeMap(new Map());
    }
    /** The configured level, else the policy's own, else the pack's. */
    levelOf(policy) {
        return this.config[policy.name]?.enforcementLevel || policy.enforcementLevel || this.packEnforcementLevel;
    }
    /** A policy's `getConfig`: its configured properties without the level, read when called; `{}` when none. */
    getConfigOf(policyName) {
        return () => {
            const entry = this.config[policyName];
            if (!entry)
                return {};
            // eslint-disable-next-line @typescript-eslint/no-unused-vars
            const { enforcementLevel, ...properties } = entry;
            return properties;
        };
    }
}
exports.PackState = PackState;
