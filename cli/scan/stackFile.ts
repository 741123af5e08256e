/**
 * Reads what `pulumi stack export` (deployment checkpoints, version 3 and later) and
 * `pulumi preview --json` (steps with newState) write, into the resources the pack judges, within the
 * limits of limits.ts: a file that is past one is refused with a StackFileError before it can crash,
 * hang or exhaust the scan.
 */
import { CaptureResult, CapturedResource, Mode, stackUrnOf } from "../engine/capturedStack";
import { UNKNOWN } from "../../policypack/model/sentinels";
import { StackFileError } from "./stackFileError";
import { readFileText } from "./fileText";
import { measureJson } from "./jsonShape";
import { ScanLimits, describeBytes, scanLimits } from "./limits";
import { UnreadableValue, readPropertyValues } from "./propertyValues";
import { ENCODING_HEAP_BYTES_PER_BYTE, ensureHeapFor, judgingHeapBytes } from "./memory";

export { StackFileError } from "./stackFileError";

export interface StackFile extends CaptureResult {
    file: string;
    mode: Mode;
    /** Whether resources' outputs are their recorded state (a stack export), rather than planned (a preview). */
    recordedState: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The weight of the heaviest inputs or outputs read so far (see propertyValues). */
interface Heaviest {
    bytes: number;
}

/** One resource's inputs or outputs, read (see propertyValues) and weighed against the limit for one resource. */
function readProperties(
    value: unknown,
    urn: string,
    which: "inputs" | "outputs",
    file: string,
    limits: ScanLimits,
    heaviest: Heaviest,
): Record<string, unknown> {
    const resource = `resource "${urn.split("::").pop() ?? urn}" (${urn})`;
    let read;
    try {
        read = readPropertyValues(value, which);
    } catch (error) {
        if (error instanceof UnreadableValue) throw new StackFileError(file, `${resource}: ${error.message}`);
        throw error;
    }
    if (read.bytes > limits.maxResourceBytes) {
        throw new StackFileError(
            file,
            `${resource}: its ${which} are about ${describeBytes(read.bytes)}, over the ${describeBytes(limits.maxResourceBytes)} limit for one resource`,
        );
    }
    heaviest.bytes = Math.max(heaviest.bytes, read.bytes);
    return read.value as Record<string, unknown>;
}

function toResource(raw: unknown, file: string, where: string, limits: ScanLimits, heaviest: Heaviest): CapturedResource {
    if (!isObject(raw) || typeof raw.urn !== "string" || typeof raw.type !== "string") {
        throw new StackFileError(file, `${where} is not a resource (it needs "urn" and "type")`);
    }
    const urn = raw.urn;
    const inputs = isObject(raw.inputs) ? readProperties(raw.inputs, urn, "inputs", file, limits, heaviest) : {};
    const outputs = isObject(raw.outputs) ? readProperties(raw.outputs, urn, "outputs", file, limits, heaviest) : undefined;
    const id = typeof raw.id === "string" && raw.id ? raw.id : undefined;
    const custom = raw.custom === true;
    const propertyDependencies: Record<string, string[]> = {};
    if (isObject(raw.propertyDependencies)) {
        for (const [key, urns] of Object.entries(raw.propertyDependencies))
            if (Array.isArray(urns)) propertyDependencies[key] = urns.filter((u): u is string => typeof u === "string");
    }
    return {
        urn,
        type: raw.type,
        name: urn.split("::").pop() ?? urn,
        custom,
        remote: false,
        parent: typeof raw.parent === "string" && raw.parent ? raw.parent : undefined,
        provider: typeof raw.provider === "string" && raw.provider ? raw.provider : undefined,
        inputs,
        outputs: outputs && custom ? { ...outputs, id: id ?? outputs.id ?? UNKNOWN } : outputs,
        id,
        dependencies: Array.isArray(raw.dependencies) ? raw.dependencies.filter((d): d is string => typeof d === "string") : [],
        propertyDependencies,
    };
}

/** The file's JSON, once its size, type, encoding and nesting are known to be safe to parse and judge. */
function parseStackJson(file: string, limits: ScanLimits): unknown {
    const text = readFileText(file, limits.maxFileBytes);
    const shape = measureJson(text, limits.maxNestingDepth);
    if (shape.tooDeep)
        throw new StackFileError(
            file,
            `it nests arrays and objects more than ${limits.maxNestingDepth} levels deep (at line ${shape.tooDeep.line}), over the limit for a stack file`,
        );
    ensureHeapFor(file, judgingHeapBytes(shape), "judging it");
    try {
        return JSON.parse(text);
    } catch (error) {
        throw new StackFileError(file, `not valid JSON: ${(error as Error).message}`);
    }
}

/** Reads one stack file; throws a StackFileError naming the file and what is wrong. */
export function readStackFile(file: string, limits: ScanLimits = scanLimits()): StackFile {
    const json = parseStackJson(file, limits);
    let rawResources: unknown[];
    let mode: Mode;
    if (isObject(json) && isObject(json.deployment)) {
        const version = json.version;
        if (typeof version !== "number" || version < 3)
            throw new StackFileError(
                file,
                `deployment version ${JSON.stringify(version)} is not supported (version 3 or later, as pulumi stack export writes)`,
            );
        if (json.deployment.resources === undefined || json.deployment.resources === null) rawResources = [];
        else if (Array.isArray(json.deployment.resources)) rawResources = json.deployment.resources;
        else throw new StackFileError(file, "deployment.resources is not a list");
        mode = "update";
    } else if (isObject(json) && Array.isArray(json.steps)) {
        rawResources = json.steps
            .filter((step) => isObject(step) && step.op !== "delete" && step.op !== "discard" && isObject(step.newState))
            .map((step) => (step as Record<string, unknown>).newState);
        mode = "preview";
    } else {
        throw new StackFileError(file, "not a Pulumi stack export (version and deployment.resources) nor a pulumi preview --json output (steps with newState)");
    }
    const heaviest: Heaviest = { bytes: 0 };
    const resources = rawResources.filter((r) => !(isObject(r) && r.delete === true)).map((r, i) => toResource(r, file, `resource [${i}]`, limits, heaviest));
    ensureHeapFor(file, heaviest.bytes * ENCODING_HEAP_BYTES_PER_BYTE, "encoding its largest resource for the policy pack");
    const anyUrn = resources[0]?.urn ?? "urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack";
    const [, stack = "stack", project = "project"] = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(anyUrn) ?? [];
    const stackResource = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    return { file, mode, recordedState: mode === "update", project, stack, stackUrn: stackResource?.urn ?? stackUrnOf(project, stack), resources };
}
