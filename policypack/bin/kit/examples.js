"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.idOf = exports.urnOf = exports.MODES = exports.UNKNOWN = void 0;
exports.computed = computed;
exports.ref = ref;
exports.inMode = inMode;
exports.modesOf = modesOf;
exports.propsIn = propsIn;
exports.buildStack = buildStack;
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
const sentinels_1 = require("../model/sentinels");
Object.defineProperty(exports, "UNKNOWN", { enumerable: true, get: function () { return sentinels_1.UNKNOWN; } });
exports.MODES = ["update", "preview"];
const COMPUTED = Symbol("computed");
const REF = Symbol("ref");
/** A value the provider computes: `value` in an update, not known yet in a preview. */
function computed(value) {
    return { [COMPUTED]: value };
}
/** Another resource's id (or one of its declared `outputs`), for stack examples. */
function ref(name, output) {
    return { [REF]: name, output };
}
/** What an example says for `mode`: the one value, or the mode's own. */
function inMode(value, mode) {
    return isPerMode(value) ? value[mode] : value;
}
function isPerMode(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value) && "preview" in value && "update" in value;
}
/** The modes an example runs in. */
function modesOf(example) {
    return example.mode ? [example.mode] : exports.MODES;
}
const urnOf = (type, name) => `urn:pulumi:dev::app::${type}::${name}`;
exports.urnOf = urnOf;
const idOf = (name) => `id-${name}`;
exports.idOf = idOf;
/** A resource example's properties as the engine sends them in `mode`. */
function propsIn(props, mode) {
    return resolve(props, mode, () => {
        throw new Error("ref() names another resource of a stack; a resource example has none (use computed())");
    });
}
/** A stack example's resources as the engine sends them to AnalyzeStack in `mode`. */
function buildStack(declared, mode) {
    const urns = new Map(declared.map((d) => [d.name, (0, exports.urnOf)(d.type, d.name)]));
    const byName = new Map(declared.map((d) => [d.name, d]));
    return declared.map((d) => {
        const propertyDependencies = {};
        const dependOn = (top, target) => {
            // Own properties only, whatever the property is called ("__proto__" too).
            if (!Object.prototype.hasOwnProperty.call(propertyDependencies, top))
                Object.defineProperty(propertyDependencies, top, { value: [], enumerable: true, writable: true, configurable: true });
            if (!propertyDependencies[top].includes(urns.get(target)))
                propertyDependencies[top].push(urns.get(target));
        };
        const resolveRefIn = (key) => (target, output) => {
            if (!urns.has(target))
                throw new Error(`ref to unknown resource ${target}`);
            dependOn(key, target);
            if (mode === "preview")
                return sentinels_1.UNKNOWN;
            if (output === undefined)
                return (0, exports.idOf)(target);
            const known = byName.get(target).outputs?.[output];
            if (known === undefined)
                throw new Error(`ref to output ${output} that ${target} does not declare`);
            return known;
        };
        // fromEntries, not assignment: a property named "__proto__" stays a property.
        const props = Object.fromEntries(Object.entries(d.props).map(([key, value]) => [key, resolve(value, mode, resolveRefIn(key))]));
        for (const [key, feeders] of Object.entries(d.alsoFedBy ?? {})) {
            for (const feeder of feeders) {
                if (!urns.has(feeder))
                    throw new Error(`${d.name}.${key} fed by unknown resource ${feeder}`);
                dependOn(key, feeder);
            }
        }
        for (const [output, value] of Object.entries(d.outputs ?? {}))
            props[output] = mode === "update" ? value : sentinels_1.UNKNOWN;
        props.id = mode === "update" ? (0, exports.idOf)(d.name) : sentinels_1.UNKNOWN;
        return {
            type: d.type,
            name: d.name,
            urn: urns.get(d.name),
            props,
            propertyDependencies,
            dependencies: [...new Set(Object.values(propertyDependencies).flat())],
        };
    });
}
function resolve(value, mode, resolveRef) {
    if (value && typeof value === "object") {
        if (COMPUTED in value)
            return mode === "update" ? resolve(value[COMPUTED], mode, resolveRef) : sentinels_1.UNKNOWN;
        if (REF in value) {
            const { [REF]: target, output } = value;
            return resolveRef(target, output);
        }
        if (Array.isArray(value))
            return value.map((v) => resolve(v, mode, resolveRef));
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, mode, resolveRef)]));
    }
    return value;
}
