/**
 * What Configure and ConfigureStack leave behind for the requests that follow, kept as the SDK's
 * server keeps it: per policy, its config properties with the enforcement level beside them (a plain
 * object keyed by policy name, replaced whole by each Configure), and the stack's tags as a frozen
 * read-only map (replaced whole by each ConfigureStack). Policies read both at the time they ask.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import type { AnyPolicy } from "./sdk";

export type PolicyConfigEntry = Record<string, unknown> & { enforcementLevel: EnforcementLevel };

/** A read-only view of a Map, as the SDK hands stack tags to policies. */
export type FrozenMap = Readonly<Pick<Map<string, string>, "entries" | "forEach" | "get" | "has" | "keys" | "size" | "values" | typeof Symbol.iterator>>;

export function freezeMap(map: Map<string, string>): FrozenMap {
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

export class PackState {
    /** Per policy name, as the last Configure sent it (the SDK builds it as a plain object, so do we). */
    config: Record<string, PolicyConfigEntry> = {};
    stackTags: FrozenMap = freezeMap(new Map());

    constructor(readonly packEnforcementLevel: EnforcementLevel) {}

    /** The configured level, else the policy's own, else the pack's. */
    levelOf(policy: AnyPolicy): EnforcementLevel {
        return this.config[policy.name]?.enforcementLevel || policy.enforcementLevel || this.packEnforcementLevel;
    }

    /** A policy's `getConfig`: its configured properties without the level, read when called; `{}` when none. */
    getConfigOf(policyName: string): () => Record<string, unknown> {
        return () => {
            const entry = this.config[policyName];
            if (!entry) return {};
            // eslint-disable-next-line @typescript-eslint/no-unused-vars
            const { enforcementLevel, ...properties } = entry;
            return properties;
        };
    }
}
