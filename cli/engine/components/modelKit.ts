/**
 * What a model of a multi-language component works with. A model reads the component's arguments as
 * the program sent them, records the resources the component's provider would create (children of
 * the component, URNs under it, marked as modeled) and answers the component's outputs — resource
 * references to those children and plain values — so the program goes on as it would.
 */
import { OUTPUT_VALUE_SIG, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN } from "../../../policypack/model/sentinels";
import { CapturedResource, placeholderId, urnOf } from "../capturedStack";
import { answerDataSource } from "../dataSources";
import { Deployment } from "../deployment";
import { analyzerValue } from "../wireValues";

/** A remote component as the program registered it. */
export interface ComponentRegistration {
    urn: string;
    type: string;
    name: string;
    parent?: string;
    /** The component package's version the SDK sent ("" when it sent none). */
    version: string;
    /** The arguments in wire form (Outputs, resource references, secrets as the SDK serialised them). */
    inputs: Record<string, unknown>;
    /** The resources each argument depends on. */
    inputDependencies: Record<string, string[]>;
    provider?: string;
}

/** A resource a model created: enough to reference it. */
export interface ModeledRef {
    urn: string;
    type: string;
    /** Its id as the program would see it: unknown in a preview, a placeholder in an update. */
    id: string;
}

/** A value a property holds, and the resources it came from (so the stack graph can follow references). */
export interface Traced<T = unknown> {
    value: T;
    dependencies: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A resource reference in wire form, as an output of the component. */
export function resourceReference(ref: ModeledRef): Record<string, unknown> {
    return { [SIG_KEY]: RESOURCE_SIG, urn: ref.urn, id: ref.id === UNKNOWN ? "" : ref.id, packageVersion: "" };
}

export class ModelContext {
    readonly children: CapturedResource[] = [];

    constructor(
        private readonly deployment: Deployment,
        readonly component: ComponentRegistration,
        /** Shown in every report beside the modeled resources, e.g. "pulumi-awsx 2.x and 3.x defaults". */
        readonly source: string,
    ) {}

    get name(): string {
        return this.component.name;
    }

    /**
     * An argument read for the model's decisions: Outputs unwrapped (an unknown one is UNKNOWN), secrets
     * unwrapped, a resource reference as the resource it names; undefined when absent.
     */
    arg(key: string): unknown {
        return readable(this.component.inputs[key]);
    }

    /** An argument as a child's property takes it (analyzer form), with the resources it depends on. */
    pass(key: string): Traced | undefined {
        const raw = this.component.inputs[key];
        if (raw === undefined || raw === null) return undefined;
        return { value: analyzerValue(raw), dependencies: this.component.inputDependencies[key] ?? [] };
    }

    /** Every argument but these, passed on (the component spreads the rest into a child). */
    passAllBut(keys: string[]): Record<string, Traced> {
        const rest: Record<string, Traced> = {};
        for (const key of Object.keys(this.component.inputs)) {
            if (keys.includes(key)) continue;
            const passed = this.pass(key);
            if (passed) rest[key] = passed;
        }
        return rest;
    }

    /** The id of a resource the program or the model made, as a property holding it (traced to it). */
    idOf(ref: ModeledRef | { urn: string; id?: string }): Traced<string> {
        return { value: ref.id && ref.id !== "" ? ref.id : UNKNOWN, dependencies: [ref.urn] };
    }

    /** A recorded resource's property (e.g. a subnet's vpcId), traced to it; unknown when not recorded. */
    propertyOf(urn: string, key: string): Traced {
        const resource = this.deployment.resource(urn);
        const value = resource?.inputs[key];
        return { value: value === undefined ? UNKNOWN : value, dependencies: [urn] };
    }

    /** A data source the component would call, answered offline as the program's are, and noted. */
    dataSource(token: string, args: Record<string, unknown>): Record<string, unknown> {
        const { result, answer, detail } = answerDataSource(token, args, { region: this.deployment.settings.region });
        this.deployment.offline.note("data source", token, answer, `${detail ? `${detail}, ` : ""}for ${this.component.type} "${this.name}"`);
        return result;
    }

    /**
     * Records a resource the component's provider would create. Properties are plain values or traced
     * ones; `parent` defaults to the component.
     */
    child(type: string, name: string, properties: Record<string, unknown>, options: { parent?: ModeledRef } = {}): ModeledRef {
        const { settings } = this.deployment;
        const parent = options.parent?.urn ?? this.component.urn;
        const urn = urnOf(settings.stack, settings.project, parent, type, name);
        const inputs: Record<string, unknown> = {};
        const propertyDependencies: Record<string, string[]> = {};
        const dependencies = new Set<string>();
        for (const [key, property] of Object.entries(properties)) {
            if (property === undefined) continue;
            const { value, deps } = untrace(property);
            inputs[key] = value;
            if (deps.length > 0) {
                propertyDependencies[key] = deps;
                for (const dep of deps) dependencies.add(dep);
            }
        }
        const resource: CapturedResource = {
            urn,
            type,
            name,
            custom: true,
            remote: false,
            parent,
            provider: this.component.provider,
            inputs,
            dependencies: [...dependencies],
            propertyDependencies,
            modeled: { component: this.component.urn, source: this.source },
            ...(settings.mode === "update" ? { id: placeholderId(type, urn) } : {}),
        };
        this.deployment.record(resource);
        this.children.push(resource);
        return { urn, type, id: resource.id ?? UNKNOWN };
    }
}

/** Is this a traced value (the shape `pass`, `idOf` and `propertyOf` return)? */
function isTraced(value: unknown): value is Traced {
    return isObject(value) && "value" in value && Array.isArray(value.dependencies) && Object.keys(value).length === 2;
}

/** A property's plain value and the resources it depends on, collected through arrays and objects. */
function untrace(property: unknown): { value: unknown; deps: string[] } {
    if (isTraced(property)) {
        const inner = untrace(property.value);
        return { value: inner.value, deps: [...new Set([...property.dependencies, ...inner.deps])] };
    }
    if (Array.isArray(property)) {
        const parts = property.map(untrace);
        return { value: parts.map((p) => p.value), deps: [...new Set(parts.flatMap((p) => p.deps))] };
    }
    if (isObject(property) && property[SIG_KEY] === undefined) {
        const deps = new Set<string>();
        const value: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(property)) {
            if (inner === undefined) continue;
            const part = untrace(inner);
            value[key] = part.value;
            for (const dep of part.deps) deps.add(dep);
        }
        return { value, deps: [...deps] };
    }
    return { value: property, deps: [] };
}

/** A wire value for a model's decisions: Outputs and secrets unwrapped, resource references kept as { urn, id }. */
export function readable(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(readable);
    if (!isObject(value)) return value;
    switch (value[SIG_KEY]) {
        case OUTPUT_VALUE_SIG:
            return "value" in value ? readable(value.value) : UNKNOWN;
        case SECRET_SIG:
            return readable(value.value);
        case RESOURCE_SIG:
            return { urn: String(value.urn), id: typeof value.id === "string" ? value.id : undefined } satisfies ResourceRef;
    }
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, readable(inner)]));
}

/** A resource the program passed to a component (e.g. `subnets: vpc.publicSubnets`). */
export interface ResourceRef {
    urn: string;
    id?: string;
}

export const isResourceRef = (value: unknown): value is ResourceRef =>
    isObject(value) && typeof value.urn === "string" && Object.keys(value).every((k) => k === "urn" || k === "id");

export const isKnown = (value: unknown): boolean => value !== undefined && value !== UNKNOWN;
