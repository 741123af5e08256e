/**
 * Runs a Pulumi Node.js program in-process under a preview emulation and captures every resource
 * registration as the engine would see it: type, name, URN, parent, provider, inputs (unknowns as
 * the engine's sentinels, secrets as secret envelopes), dependencies and property dependencies.
 *
 * The program's own copy of @pulumi/pulumi is driven through its mock monitor, with the SDK in
 * dry-run mode so computed outputs are unknown exactly as in a first `pulumi preview`. In "update"
 * mode new resources get known placeholder ids; their other computed outputs stay unknown.
 */
import * as crypto from "crypto";
import { answerInvoke, InvokeNote } from "./invokes";

export type Mode = "preview" | "update";

/** The program itself failed (threw, or rejected a promise); `cause` is its own error. */
export class ProgramFailure extends Error {
    constructor(readonly cause: unknown) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = "ProgramFailure";
    }
    /** The program's error with its stack, for showing to the user. */
    get details(): string {
        return this.cause instanceof Error && this.cause.stack ? this.cause.stack : String(this.cause);
    }
}

export interface CapturedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Multi-language components whose children only a provider plugin creates. */
    remote: boolean;
    parent?: string;
    /** Reference to the provider as the SDK sends it: "<provider urn>::<provider id>". */
    provider?: string;
    /** Inputs as serialized for the engine (unknown sentinels, secret envelopes). */
    inputs: Record<string, unknown>;
    /** Recorded outputs, when known (a stack export); otherwise the inputs stand for them. */
    outputs?: Record<string, unknown>;
    id?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** Where the program registered it, when the SDK says. */
    source?: { uri: string; line: number; column: number };
}

export interface CaptureResult {
    project: string;
    stack: string;
    stackUrn: string;
    resources: CapturedResource[];
    invokes: InvokeNote[];
}

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const RESOURCE_SIG_KEY = "4dabf18193072939515e22adb298388d";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** Id prefixes AWS uses, so placeholder ids look like the real thing to programs that parse them. */
const ID_PREFIXES: Record<string, string> = {
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/networkAcl:NetworkAcl": "acl",
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": "acl",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
    "aws:ec2/networkInterface:NetworkInterface": "eni",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/managedPrefixList:ManagedPrefixList": "pl",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr",
    "aws-native:ec2:SecurityGroup": "sg",
};

export function placeholderId(type: string, urn: string): string {
    const hex = crypto.createHash("sha256").update(urn).digest("hex").slice(0, 17);
    const prefix = ID_PREFIXES[type];
    return prefix ? `${prefix}-${hex}` : `${urn.split("::").pop()}-${hex.slice(0, 8)}`;
}

/**
 * The engine hands analyzers plain values where a program passed a resource: the id of a custom
 * resource, the URN of a component. Resource references are turned into those here.
 */
function downgradeResourceReferences(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(downgradeResourceReferences);
    if (value && typeof value === "object") {
        const object = value as Record<string, unknown>;
        if (object[RESOURCE_SIG_KEY] === RESOURCE_SIG) {
            return typeof object.id === "string" ? object.id || UNKNOWN : object.urn;
        }
        const copy: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(object)) copy[key] = downgradeResourceReferences(inner);
        return copy;
    }
    return value;
}

export interface CaptureOptions {
    /** The program's directory: its own @pulumi/pulumi is the one driven. */
    programDir: string;
    /** Loads and runs the program (require of its entry point); may return stack outputs. */
    run: () => unknown;
    project: string;
    stack: string;
    mode: Mode;
    config: Record<string, string>;
    secretKeys: string[];
    onResource?: (count: number) => void;
}

/** A registration request, read through the generated protobuf getters. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getRemote(): boolean;
    getProvider(): string;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> } | undefined;
    getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}

export async function captureProgram(options: CaptureOptions): Promise<CaptureResult> {
    const pulumiPath = require.resolve("@pulumi/pulumi", { paths: [options.programDir] });
    const pulumi = require(pulumiPath);
    const settings = require(require.resolve("@pulumi/pulumi/runtime/settings", { paths: [options.programDir] }));
    const resources: CapturedResource[] = [];
    const byUrn = new Map<string, CapturedResource>();
    const invokes: InvokeNote[] = [];

    await pulumi.runtime.setMocks(
        {
            newResource(args: { type: string; name: string; inputs: Record<string, unknown>; custom?: boolean }) {
                // Outputs are the inputs; everything else the provider would compute stays unknown (dry run).
                return { id: undefined, state: args.inputs };
            },
            call(args: { token: string; inputs: Record<string, unknown> }) {
                return answerInvoke(args.token, args.inputs, options.config, invokes);
            },
        },
        options.project,
        options.stack,
        true,
    );
    pulumi.runtime.setAllConfig(options.config, options.secretKeys);

    const monitor = settings.getMonitor();
    // URNs as the engine makes them: the parent's full qualified type chain, except for the root stack.
    monitor.newUrn = (parent: string | undefined, type: string, name: string): string => {
        const parentType = parent ? parent.split("::")[2] : undefined;
        const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
        return `urn:pulumi:${options.stack}::${options.project}::${qualified}::${name}`;
    };
    const mockRegister = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request: RegisterRequest, callback: (error: unknown, response: unknown) => void) => {
        const type = request.getType();
        const name = request.getName();
        const parent = request.getParent() || undefined;
        const urn = monitor.newUrn(parent, type, name) as string;
        const propertyDependencies: Record<string, string[]> = {};
        for (const [key, urns] of request.getPropertydependenciesMap()?.entries() ?? []) propertyDependencies[key] = urns.getUrnsList();
        const position = request.getSourceposition?.();
        const custom = request.getCustom();
        const captured: CapturedResource = {
            urn,
            type,
            name,
            custom,
            remote: request.getRemote(),
            parent,
            provider: request.getProvider() || undefined,
            inputs: downgradeResourceReferences(request.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
            dependencies: request.getDependenciesList(),
            propertyDependencies,
            source: position ? { uri: position.getUri(), line: position.getLine(), column: position.getColumn() } : undefined,
        };
        if (custom && options.mode === "update") captured.id = placeholderId(type, urn);
        resources.push(captured);
        byUrn.set(urn, captured);
        options.onResource?.(resources.length);
        // Answer as the engine does in a preview: the URN, the id (known placeholder in update mode,
        // unknown in preview), the inputs as outputs, and nothing for a remote component's children.
        mockRegister(request, (error: unknown, response: { setId(id: string): void } | undefined) => {
            if (response && captured.id) response.setId(captured.id);
            callback(error, response);
        });
    };

    // A failure inside an apply or a registration (e.g. an Output that fails validation when it
    // resolves) surfaces as an unhandled rejection, as it fails a real deployment: it fails the run.
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
        await pulumi.runtime.runInPulumiStack(async () => {
            // A program may export its outputs, a promise of them, or a (possibly async) function returning them.
            const exported = await options.run();
            return typeof exported === "function" ? await (exported as () => unknown)() : exported;
        });
        await settings.waitForRPCs();
        // Rejections are reported after the microtasks that produced them; give them a turn to arrive.
        await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
        throw new ProgramFailure(failures[0] ?? error);
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    if (failures.length > 0) throw new ProgramFailure(failures[0]);

    const stackResource = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    return {
        project: options.project,
        stack: options.stack,
        stackUrn: stackResource?.urn ?? `urn:pulumi:${options.stack}::${options.project}::pulumi:pulumi:Stack::${options.project}-${options.stack}`,
        resources,
        invokes,
    };
}
