/**
 * The vocabulary of a policy's examples (policypack/policies/<name>/examples.ts): good and bad resources,
 * or small stacks, each with the verdict the policy must give. They are the policy's documentation and a
 * test input at once: one generic test runs every example in-process (test/unit/policyExamples.test.ts)
 * and over the engine protocol (test/engine/policyExamples.test.ts), in both engine modes, so what the
 * examples say cannot drift from what the policy does.
 *
 * Examples are plain data, and one description gives both modes: `computed(value)` is a value a provider
 * computes (known in an update, not known yet in a preview); `ref("web-sg")` is another resource's id in
 * a stack (`id-web-sg` in an update; in a preview not known yet, with the property linked to that
 * resource through propertyDependencies, as the engine links it).
 */
import { UNKNOWN } from "../model/sentinels";

export { UNKNOWN };

/** The engine's two modes: a preview (ids and computed outputs not known yet) and an update (all known). */
export type Mode = "preview" | "update";
export const MODES: readonly Mode[] = ["update", "preview"];

/** What a policy says about one resource: nothing, a violation, or that it cannot verify it (a value is unknown or malformed). */
export type Verdict = "pass" | "fail" | "cannot verify";
/** One verdict, or both kinds of finding on one resource (a violating rule beside one that cannot be verified). */
export type Verdicts = Verdict | readonly Verdict[];
/** The same in both modes, or one for each. */
export type InEachMode<T> = T | { preview: T; update: T };

/**
 * An example for a resource policy: one resource as the program declares it. Its name starts with the
 * worst verdict it gets in any mode (`fail_`, else `cannot_verify_`, else `pass_`), checkov-style, so a
 * reader sees the rule's edges without reading code; the generic test holds names and verdicts together.
 */
export interface ResourceExample {
    name: string;
    type: string;
    props: Record<string, unknown>;
    expect: InEachMode<Verdicts>;
    /** Only in this mode; both by default. */
    mode?: Mode;
    /** The policy's settings for this example (its defaults otherwise). */
    config?: Record<string, unknown>;
    /** Texts the policy's messages about the resource contain, each in at least one (per mode when they differ). */
    messageContains?: InEachMode<readonly string[]>;
}

/** A resource of a stack example: what the program declares, and the outputs its provider computes. */
export interface ExampleResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** Outputs the provider computes: known in an update, not known yet in a preview. */
    outputs?: Record<string, string>;
    /**
     * Resources that fed a property besides those its ref()s name: the engine links a value computed
     * from several resources' outputs to all of them, so in a preview it could be any of theirs.
     */
    alsoFedBy?: Record<string, string[]>;
}

/**
 * An example for a stack policy: a small stack. Named after the worst verdict any of its resources gets
 * in any mode (`fail_…`, else `cannot_verify_…`, else `pass_…`).
 */
export interface StackExample {
    name: string;
    resources: readonly ExampleResource[];
    /** Verdicts by resource name; every resource not named passes. */
    expect: InEachMode<Readonly<Record<string, Verdicts>>>;
    mode?: Mode;
    config?: Record<string, unknown>;
    /** Texts the policy's messages about a resource contain, each in at least one (per mode when they differ). */
    messageContains?: Readonly<Record<string, InEachMode<readonly string[]>>>;
}

const COMPUTED = Symbol("computed");
const REF = Symbol("ref");

/** A value the provider computes: `value` in an update, not known yet in a preview. */
export function computed(value: unknown): unknown {
    return { [COMPUTED]: value };
}

/** Another resource's id (or one of its declared `outputs`), for stack examples. */
export function ref(name: string, output?: string): unknown {
    return { [REF]: name, output };
}

/** What an example says for `mode`: the one value, or the mode's own. */
export function inMode<T>(value: InEachMode<T>, mode: Mode): T {
    return isPerMode(value) ? value[mode] : value;
}

function isPerMode<T>(value: InEachMode<T>): value is { preview: T; update: T } {
    return typeof value === "object" && value !== null && !Array.isArray(value) && "preview" in value && "update" in value;
}

/** The modes an example runs in. */
export function modesOf(example: { mode?: Mode }): readonly Mode[] {
    return example.mode ? [example.mode] : MODES;
}

export const urnOf = (type: string, name: string) => `urn:pulumi:dev::app::${type}::${name}`;
export const idOf = (name: string) => `id-${name}`;

/** A resource as the engine hands it to a pack. */
export interface EngineResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
    propertyDependencies: Record<string, string[]>;
    dependencies: string[];
}

/** A resource example's properties as the engine sends them in `mode`. */
export function propsIn(props: Record<string, unknown>, mode: Mode): Record<string, unknown> {
    return resolve(props, mode, () => {
        throw new Error("ref() names another resource of a stack; a resource example has none (use computed())");
    }) as Record<string, unknown>;
}

/** A stack example's resources as the engine sends them to AnalyzeStack in `mode`. */
export function buildStack(declared: readonly ExampleResource[], mode: Mode): EngineResource[] {
    const urns = new Map(declared.map((d) => [d.name, urnOf(d.type, d.name)]));
    const byName = new Map(declared.map((d) => [d.name, d]));
    return declared.map((d) => {
        const propertyDependencies: Record<string, string[]> = {};
        const dependOn = (top: string, target: string) => {
            // Own properties only, whatever the property is called ("__proto__" too).
            if (!Object.prototype.hasOwnProperty.call(propertyDependencies, top))
                Object.defineProperty(propertyDependencies, top, { value: [], enumerable: true, writable: true, configurable: true });
            if (!propertyDependencies[top].includes(urns.get(target)!)) propertyDependencies[top].push(urns.get(target)!);
        };
        const resolveRefIn = (key: string) => (target: string, output: string | undefined) => {
            if (!urns.has(target)) throw new Error(`ref to unknown resource ${target}`);
            dependOn(key, target);
            if (mode === "preview") return UNKNOWN;
            if (output === undefined) return idOf(target);
            const known = byName.get(target)!.outputs?.[output];
            if (known === undefined) throw new Error(`ref to output ${output} that ${target} does not declare`);
            return known;
        };
        // fromEntries, not assignment: a property named "__proto__" stays a property.
        const props: Record<string, unknown> = Object.fromEntries(
            Object.entries(d.props).map(([key, value]) => [key, resolve(value, mode, resolveRefIn(key))]),
        );
        for (const [key, feeders] of Object.entries(d.alsoFedBy ?? {})) {
            for (const feeder of feeders) {
                if (!urns.has(feeder)) throw new Error(`${d.name}.${key} fed by unknown resource ${feeder}`);
                dependOn(key, feeder);
            }
        }
        for (const [output, value] of Object.entries(d.outputs ?? {})) props[output] = mode === "update" ? value : UNKNOWN;
        props.id = mode === "update" ? idOf(d.name) : UNKNOWN;
        return {
            type: d.type,
            name: d.name,
            urn: urns.get(d.name)!,
            props,
            propertyDependencies,
            dependencies: [...new Set(Object.values(propertyDependencies).flat())],
        };
    });
}

function resolve(value: unknown, mode: Mode, resolveRef: (target: string, output: string | undefined) => unknown): unknown {
    if (value && typeof value === "object") {
        if (COMPUTED in value) return mode === "update" ? resolve((value as { [COMPUTED]: unknown })[COMPUTED], mode, resolveRef) : UNKNOWN;
        if (REF in value) {
            const { [REF]: target, output } = value as { [REF]: string; output?: string };
            return resolveRef(target, output);
        }
        if (Array.isArray(value)) return value.map((v) => resolve(v, mode, resolveRef));
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, mode, resolveRef)]));
    }
    return value;
}
