/**
 * A validation may declare the resource types it judges: for any other type it returns at once, reporting
 * nothing and calling nothing (tierguard's own policies, kit/define.ts). The server then does not call it
 * for other types — no unknown-checking proxy, no arguments, no call — which is what the call would have
 * come to. Unlike the SDK's typed validations (validateResourceOfType), nothing is reported as "not
 * applicable": the SDK's server, calling the validation, records nothing either.
 */
const declared = new WeakMap<object, ReadonlySet<string>>();

/** Declares that `validation` returns at once, reporting nothing, for a type outside `types`. */
export function declareTypesJudged<V extends object>(validation: V, types: ReadonlySet<string>): V {
    declared.set(validation, types);
    return validation;
}

/** The types a validation declared it judges, if it did (a wrapper that only adds to its arguments declares them again). */
export function typesJudgedBy(validation: object): ReadonlySet<string> | undefined {
    return declared.get(validation);
}

/** Could the validation report anything for a resource of this type (false only when it declared otherwise)? */
export function mayJudge(validation: object, type: string): boolean {
    const types = declared.get(validation);
    return types === undefined || types.has(type);
}
