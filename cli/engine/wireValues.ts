/**
 * Property values between the program and the pack. A program sends values in the SDK's wire form
 * (a protobuf Struct whose objects may be secrets, resource references or Outputs); analyzers get
 * them as the engine hands them over: secrets kept as secret envelopes, a resource reference as the
 * resource's id (a custom resource) or URN (a component), an Output as its value (unknown when it
 * has none, secret when it is secret).
 */
import { OUTPUT_VALUE_SIG, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN, secretValue } from "../../policypack/model/sentinels";

type WireObject = Record<string, unknown>;

const isObject = (value: unknown): value is WireObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** A value as the engine sends it to an analyzer. Values without special objects are returned as they are. */
export function analyzerValue(value: unknown): unknown {
    if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            const converted = analyzerValue(value[i]);
            if (converted !== value[i]) (copy ??= value.slice())[i] = converted;
        }
        return copy ?? value;
    }
    if (!isObject(value)) return value;
    switch (value[SIG_KEY]) {
        case RESOURCE_SIG:
            return typeof value.id === "string" ? value.id || UNKNOWN : value.urn;
        case OUTPUT_VALUE_SIG: {
            if (!("value" in value)) return UNKNOWN;
            const inner = analyzerValue(value.value);
            return value.secret === true ? secretValue(inner) : inner;
        }
        case SECRET_SIG:
            return secretValue(analyzerValue(value.value));
    }
    let copy: WireObject | undefined;
    for (const [key, inner] of Object.entries(value)) {
        const converted = analyzerValue(inner);
        if (converted !== inner) (copy ??= { ...value })[key] = converted;
    }
    return copy ?? value;
}

/** A value as plain data, secrets unwrapped (for answering data sources, never for reports). */
export function plainValue(value: unknown): unknown {
    const converted = analyzerValue(value);
    const unwrap = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(unwrap);
        if (!isObject(v)) return v;
        if (v[SIG_KEY] === SECRET_SIG) return unwrap(v.value);
        return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, unwrap(inner)]));
    };
    return unwrap(converted);
}

/** Every resource an Output inside `value` depends on (Outputs carry their dependencies on the wire). */
export function outputDependencies(value: unknown, into: Set<string> = new Set()): Set<string> {
    if (Array.isArray(value)) {
        for (const item of value) outputDependencies(item, into);
    } else if (isObject(value)) {
        if (value[SIG_KEY] === OUTPUT_VALUE_SIG && Array.isArray(value.dependencies)) {
            for (const urn of value.dependencies) if (typeof urn === "string") into.add(urn);
        }
        for (const inner of Object.values(value)) outputDependencies(inner, into);
    }
    return into;
}

/**
 * Wraps each top-level property in an Output that carries its dependencies, as the engine does before
 * calling transforms, so that a transform that moves a value keeps what the value depended on.
 */
export function withDependencies(props: WireObject, propertyDependencies: Record<string, string[]>): WireObject {
    const wrapped: WireObject = {};
    for (const [key, value] of Object.entries(props)) {
        const dependencies = propertyDependencies[key] ?? [];
        if (dependencies.length === 0 || (isObject(value) && value[SIG_KEY] === OUTPUT_VALUE_SIG)) {
            wrapped[key] = value;
        } else if (value === UNKNOWN) {
            wrapped[key] = { [SIG_KEY]: OUTPUT_VALUE_SIG, dependencies };
        } else if (isObject(value) && value[SIG_KEY] === SECRET_SIG) {
            wrapped[key] = { [SIG_KEY]: OUTPUT_VALUE_SIG, value: value.value, secret: true, dependencies };
        } else {
            wrapped[key] = { [SIG_KEY]: OUTPUT_VALUE_SIG, value, dependencies };
        }
    }
    return wrapped;
}
