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
        /** Each policy's `getConfig`, by policy name (see getConfigOf). */
        this.getConfigs = new Map();
    }
    /** The configured level, else the policy's own, else the pack's. */
    levelOf(policy) {
        return this.config[policy.name]?.enforcementLevel || policy.enforcementLevel || this.packEnforcementLevel;
    }
    /**
     * A policy's `getConfig`: its configured properties without the level, read when called (so one function
     * per policy serves every request, made at its first); a fresh object every call, as the SDK's; `{}` when none.
     */
    getConfigOf(policyName) {
        let getConfig = this.getConfigs.get(policyName);
        if (!getConfig) {
            getConfig = () => {
                const entry = this.config[policyName];
                if (!entry)
                    return {};
                // eslint-disable-next-line @typescript-eslint/no-unused-vars
                const { enforcementLevel, ...properties } = entry;
                return properties;
            };
            this.getConfigs.set(policyName, getConfig);
        }
        return getConfig;
    }
}
exports.PackState = PackState;
