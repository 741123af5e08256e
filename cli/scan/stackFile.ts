/**
 * Reads what `pulumi stack export` (deployment checkpoints, version 3 and later) and
 * `pulumi preview --json` (steps with newState) write, into the resources the pack judges.
 */
import * as fs from "fs";
import { CaptureResult, CapturedResource, Mode, stackUrnOf } from "../engine/capturedStack";
import { SECRET_SIG, SIG_KEY as SECRET_KEY, UNKNOWN } from "../../policypack/model/sentinels";

/** A file that is not a stack the scan can read: named, with what is wrong. */
export class StackFileError extends Error {
    constructor(readonly file: string, reason: string) {
        super(`${file}: ${reason}`);
    }
}

export interface StackFile extends CaptureResult {
    file: string;
    mode: Mode;
}


/**
 * Exported secrets are encrypted (`ciphertext`) unless exported with --show-secrets (`plaintext`,
 * JSON text). A plaintext secret becomes a secret the engine would send; an encrypted one an
 * unknown value, so a policy says it cannot verify what depends on it.
 */
function readSecrets(value: unknown): unknown {
    // Unchanged values are returned as they are: a large export is not copied.
    if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            const read = readSecrets(value[i]);
            if (read !== value[i]) (copy ??= value.slice())[i] = read;
        }
        return copy ?? value;
    }
    if (!value || typeof value !== "object") return value;
    const object = value as Record<string, unknown>;
    if (object[SECRET_KEY] === SECRET_SIG) {
        if ("value" in object) return { [SECRET_KEY]: SECRET_SIG, value: readSecrets(object.value) };
        if (typeof object.plaintext === "string") {
            try {
                return { [SECRET_KEY]: SECRET_SIG, value: readSecrets(JSON.parse(object.plaintext)) };
            } catch {
                return UNKNOWN;
            }
        }
        return UNKNOWN;
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(object)) {
        const read = readSecrets(item);
        if (read !== item) (copy ??= { ...object })[key] = read;
    }
    return copy ?? object;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toResource(raw: unknown, file: string, where: string): CapturedResource {
    if (!isObject(raw) || typeof raw.urn !== "string" || typeof raw.type !== "string") {
        throw new StackFileError(file, `${where} is not a resource (it needs "urn" and "type")`);
    }
    const urn = raw.urn;
    const inputs = isObject(raw.inputs) ? (readSecrets(raw.inputs) as Record<string, unknown>) : {};
    const outputs = isObject(raw.outputs) ? (readSecrets(raw.outputs) as Record<string, unknown>) : undefined;
    const id = typeof raw.id === "string" && raw.id ? raw.id : undefined;
    const custom = raw.custom === true;
    const propertyDependencies: Record<string, string[]> = {};
    if (isObject(raw.propertyDependencies)) {
        for (const [key, urns] of Object.entries(raw.propertyDependencies)) if (Array.isArray(urns)) propertyDependencies[key] = urns.filter((u): u is string => typeof u === "string");
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

/** Reads one stack file; throws a StackFileError naming the file and what is wrong. */
export function readStackFile(file: string): StackFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new StackFileError(file, `cannot read it: ${(error as Error).message}`);
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new StackFileError(file, `not valid JSON: ${(error as Error).message}`);
    }
    let rawResources: unknown[];
    let mode: Mode;
    if (isObject(json) && isObject(json.deployment)) {
        const version = json.version;
        if (typeof version !== "number" || version < 3) throw new StackFileError(file, `deployment version ${JSON.stringify(version)} is not supported (version 3 or later, as pulumi stack export writes)`);
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
    const resources = rawResources.filter((r) => !(isObject(r) && r.delete === true)).map((r, i) => toResource(r, file, `resource [${i}]`));
    const anyUrn = resources[0]?.urn ?? "urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack";
    const [, stack = "stack", project = "project"] = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(anyUrn) ?? [];
    const stackResource = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    return { file, mode, project, stack, stackUrn: stackResource?.urn ?? stackUrnOf(project, stack), resources };
}
