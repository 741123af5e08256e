/**
 * Runs the policy pack exactly as the Pulumi engine does: `node <@pulumi/pulumi>/cmd/run-policy-pack
 * <engine-address> .` from the pack folder, read the port it prints, then talk to it over the
 * Analyzer gRPC service. (run-policy-pack accepts the engine address but the pack never calls it.)
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { UsageError } from "../program/project";
import { lifelineFd } from "./lifeline";
import { Described, encodeAnalyzeRequest, encodeAnalyzeStackRequest } from "./requestEncoding";

// Generated gRPC code of the same @pulumi/pulumi the pack runs on, typed by its own declarations.
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";

/** A property bag as Struct.fromJavaScript takes it (any JSON-like value; validated by protobuf). */
const asStruct = (props: unknown) => Struct.fromJavaScript(props as Record<string, JavaScriptValue>);

export { UNKNOWN, secretValue as secret } from "../../policypack/model/sentinels";

const LIFELINE_PRELOAD = path.join(__dirname, "lifelinePreload.js");
/** For tierguard's own pack, shipped compiled: spares its runner TypeScript (see compiledPackPreload.ts). */
const COMPILED_PACK_PRELOAD = path.join(__dirname, "compiledPackPreload.js");

export const PACK_DIR = path.resolve(__dirname, "..", "..", "..", "policypack");

/** The pack folder to run: tierguard's own, or one given with --policy-pack (checked before anything runs). */
export function policyPackDir(given: string | undefined): string {
    if (given === undefined) return PACK_DIR;
    const dir = path.resolve(given);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--policy-pack ${given}: not a directory`);
    if (!fs.existsSync(path.join(dir, "PulumiPolicy.yaml")))
        throw new UsageError(`--policy-pack ${given}: no PulumiPolicy.yaml there, so it is not a policy pack folder`);
    return dir;
}

/** run-policy-pack of the @pulumi/pulumi the pack itself resolves, else ours (as the engine would use the pack's). */
function runnerFor(packDir: string): string {
    try {
        return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    } catch {
        return require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
    }
}

export interface Diagnostic {
    policyName: string;
    message: string;
    enforcementLevel: "advisory" | "mandatory" | "disabled" | "remediate";
    urn: string;
    severity: number;
}

export interface PolicyInfo {
    name: string;
    description: string;
    enforcementLevel: string;
    severity: number;
    tags: string[];
    remediationSteps: string;
    configSchema: Record<string, unknown>;
}

export interface ProviderReference {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
}

/** A resource as the CLI sends it to the pack in Analyze and AnalyzeStack requests. */
export interface PackResource {
    type: string;
    name: string;
    props: Record<string, unknown> | object;
    urn?: string;
    /** The resource's provider; a default provider of the resource's package when absent. */
    provider?: ProviderReference;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;

export function urnOf(type: string, name: string, stack = "dev", project = "app"): string {
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

/** The protocol's number for a level (LEVELS is in the enum's order); levels were validated before Configure. */
function levelNumber(level: string): analyzerProto.EnforcementLevel {
    const index = (LEVELS as readonly string[]).indexOf(level);
    return index < 0 ? analyzerProto.EnforcementLevel.ADVISORY : index;
}

/** The pack could not be started or stopped answering: named, with what it printed. */
export class PackFailure extends Error {}

type Callback<T> = (error: grpc.ServiceError | null, response: T) => void;

export class PackProcess {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: grpc.Client & Record<string, (req: unknown, cb: Callback<unknown>) => void>,
        /** Milliseconds from spawn until the port was printed. */
        readonly startupMs: number,
        readonly stderr: () => string,
    ) {}

    /**
     * Starts the pack in `packDir` as run-policy-pack. `asPulumiStartsIt` leaves out what tierguard adds
     * for its own pack (compiledPackPreload): the bench compares packs as the Pulumi CLI would start them.
     */
    static async start(packDir: string = PACK_DIR, timeoutMs = 30000, options: { asPulumiStartsIt?: boolean } = {}): Promise<PackProcess> {
        const runner = runnerFor(packDir);
        const own = path.resolve(packDir) === PACK_DIR && !options.asPulumiStartsIt;
        const preloads = own ? [LIFELINE_PRELOAD, COMPILED_PACK_PRELOAD] : [LIFELINE_PRELOAD];
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            NODE_OPTIONS: [process.env.NODE_OPTIONS ?? "", ...preloads.map((file) => `--require ${JSON.stringify(file)}`)].join(" ").trim(),
            TIERGUARD_LIFELINE_FD: String(lifelineFd),
        };
        delete env.TIERGUARD_PACK_RUNNER;
        if (own) env.TIERGUARD_PACK_RUNNER = runner;
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], {
            cwd: packDir,
            env,
            // fd 3: the lifeline, closed when tierguard ends, however it ends; the pack then stops.
            stdio: ["ignore", "pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stderr!.on("data", (chunk) => (stderr += chunk));
        const port = await new Promise<number>((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new PackFailure(`the policy pack in ${packDir} did not print a port within ${timeoutMs} ms; it printed:\n${stderr}`)),
                timeoutMs,
            );
            child.stdout!.on("data", (chunk) => {
                stdout += chunk;
                const match = /^(\d+)\s*$/m.exec(stdout);
                if (match) {
                    clearTimeout(timer);
                    resolve(Number(match[1]));
                }
            });
            child.on("exit", (code) => {
                clearTimeout(timer);
                reject(new PackFailure(`the policy pack in ${packDir} exited with code ${code} before it was ready; it printed:\n${stderr}`));
            });
        });
        const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
        const Client = grpc.makeGenericClientConstructor(analyzerRpc.AnalyzerService, "Analyzer");
        const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        }) as grpc.Client & Record<string, (req: unknown, cb: Callback<unknown>) => void>;
        return new PackProcess(child, client, startupMs, () => stderr);
    }

    private call<T>(method: string, request: unknown): Promise<T> {
        return new Promise((resolve, reject) => this.client[method](request, (error, response) => (error ? reject(error) : resolve(response as T))));
    }

    async getAnalyzerInfo(): Promise<{ name: string; version: string; supportsConfig: boolean; policies: PolicyInfo[] }> {
        const info = await this.call<analyzerProto.AnalyzerInfo>("getAnalyzerInfo", new Empty());
        return {
            name: info.getName(),
            version: info.getVersion(),
            supportsConfig: info.getSupportsconfig(),
            policies: info.getPoliciesList().map((p) => ({
                name: p.getName(),
                description: p.getDescription(),
                enforcementLevel: LEVELS[p.getEnforcementlevel()],
                severity: p.getSeverity(),
                tags: p.getTagsList(),
                remediationSteps: p.getRemediationSteps(),
                configSchema: p.getConfigschema()?.getProperties()?.toJavaScript() ?? {},
            })),
        };
    }

    /** The first call of a run: which stack, and whether this is a preview. */
    async configureStack(stack: { stack: string; project: string; organization: string; dryRun: boolean }): Promise<void> {
        const request = new analyzerProto.AnalyzerStackConfigureRequest();
        request.setStack(stack.stack);
        request.setProject(stack.project);
        request.setOrganization(stack.organization);
        request.setDryRun(stack.dryRun);
        await this.call("configureStack", request);
    }

    /** Configure as the CLI does: per policy, an enforcement level and properties. */
    async configure(config: Record<string, { enforcementLevel?: string; [key: string]: unknown }>): Promise<void> {
        const request = new analyzerProto.ConfigureAnalyzerRequest();
        const map = request.getPolicyconfigMap();
        for (const [policy, { enforcementLevel, ...properties }] of Object.entries(config)) {
            const policyConfig = new analyzerProto.PolicyConfig();
            policyConfig.setEnforcementlevel(levelNumber(enforcementLevel ?? "advisory"));
            policyConfig.setProperties(asStruct(properties));
            map.set(policy, policyConfig);
        }
        await this.call("configure", request);
    }

    /** One resource's inputs, as the engine sends them before creating or updating it. */
    async analyze(resource: PackResource): Promise<Diagnostic[]> {
        return this.callEncoded("analyze", encodeAnalyzeRequest(resource, described(resource)));
    }

    /** Every resource's outputs, as the engine sends them at the end of a preview or update. */
    async analyzeStack(resources: Iterable<PackResource>): Promise<Diagnostic[]> {
        return this.callEncoded("analyzeStack", encodeAnalyzeStack(resources));
    }

    /**
     * Sends a request already encoded (`encode(...)`), so a benchmark times the pack and the
     * protocol rather than this process encoding the same message again. Returns the diagnostics.
     */
    async callEncoded(method: "analyze" | "analyzeStack", bytes: Uint8Array): Promise<Diagnostic[]> {
        const definition = analyzerRpc.AnalyzerService[method];
        const response = await new Promise<analyzerProto.AnalyzeResponse>((resolve, reject) =>
            this.client.makeUnaryRequest(
                definition.path,
                // The bytes as they are (a Buffer, or a view of the same memory), not a copy.
                (b: Uint8Array) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
                definition.responseDeserialize,
                bytes,
                (error: grpc.ServiceError | null, value?: analyzerProto.AnalyzeResponse) =>
                    error || !value ? reject(error ?? new Error(`${method}: no response`)) : resolve(value),
            ),
        );
        return diagnostics(response);
    }

    /** The pack's process id (a benchmark reads its CPU time and memory). */
    get pid(): number {
        return this.child.pid!;
    }

    async stop(): Promise<void> {
        this.client.close();
        // Ended already, with an exit code or by a signal (killed, or V8 aborting when out of memory):
        // its "exit" event has been and will not come again.
        if (!this.alive) return;
        await new Promise<void>((resolve) => {
            // A pack that ignores SIGTERM (another pack, given with --policy-pack) is killed.
            const kill = setTimeout(() => this.child.kill("SIGKILL"), 5000);
            this.child.once("exit", () => {
                clearTimeout(kill);
                resolve();
            });
            this.child.kill("SIGTERM");
        });
    }

    get alive(): boolean {
        return this.child.exitCode === null && this.child.signalCode === null;
    }

    /** How the process ended ("exit code 3", "signal SIGKILL"), waiting up to `withinMs` for it; undefined while it runs. */
    async ended(withinMs: number): Promise<string | undefined> {
        if (this.alive) {
            await new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, withinMs);
                this.child.once("exit", () => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
        if (this.child.signalCode !== null) return `signal ${this.child.signalCode}`;
        return this.child.exitCode !== null ? `exit code ${this.child.exitCode}` : undefined;
    }
}

/** The URN and provider a resource is described with: its own, else those the engine makes. */
function described(resource: PackResource): Described {
    return { urn: resource.urn ?? urnOf(resource.type, resource.name), provider: resource.provider ?? defaultProvider(resource) };
}

/**
 * An AnalyzeRequest as a message of the generated code (for benchmarks and tests that compare bytes);
 * the pack is sent encodeAnalyzeRequest's bytes, the same without the message objects.
 */
export function analyzeRequest(resource: PackResource): analyzerProto.AnalyzeRequest {
    const request = new analyzerProto.AnalyzeRequest();
    describeResource(request, resource);
    return request;
}

/** An AnalyzerResource as a message of the generated code (for tests that compare bytes): outputs, parent and property dependencies. */
export function analyzerResource(resource: PackResource): analyzerProto.AnalyzerResource {
    const r = new analyzerProto.AnalyzerResource();
    describeResource(r, resource);
    if (resource.parent) r.setParent(resource.parent);
    r.setDependenciesList(resource.dependencies ?? []);
    const deps = r.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
        const d = new analyzerProto.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return r;
}

/**
 * An encoded AnalyzeStackRequest, written one resource at a time straight from the resources' values
 * (requestEncoding.ts): a stack of 50,000 resources never exists as 50,000 protobuf objects, only as
 * its bytes.
 */
export function encodeAnalyzeStack(resources: Iterable<PackResource>): Uint8Array {
    return encodeAnalyzeStackRequest(resources, described);
}

/**
 * What both AnalyzeRequest and AnalyzerResource carry: type, name, URN, properties, and the resource
 * options and default provider the engine always sends (the SDK refuses a request without options).
 */
function describeResource(request: analyzerProto.AnalyzeRequest | analyzerProto.AnalyzerResource, resource: PackResource): void {
    request.setType(resource.type);
    request.setName(resource.name);
    request.setUrn(resource.urn ?? urnOf(resource.type, resource.name));
    request.setProperties(asStruct(resource.props));
    const options = new analyzerProto.AnalyzerResourceOptions();
    options.setProtect(false);
    options.setParent(resource.parent ?? "");
    request.setOptions(options);
    const reference = resource.provider ?? defaultProvider(resource);
    const provider = new analyzerProto.AnalyzerProviderResource();
    provider.setType(reference.type);
    provider.setName(reference.name);
    provider.setUrn(reference.urn);
    provider.setProperties(asStruct(reference.props));
    request.setProvider(provider);
}

/** The default provider the engine creates for a resource's package. */
export function defaultProvider(resource: { type: string; name: string; urn?: string }): ProviderReference {
    const [, stack, project] = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(resource.urn ?? urnOf(resource.type, resource.name)) ?? [];
    const providerPackage = resource.type.split(":")[0];
    return {
        type: `pulumi:providers:${providerPackage}`,
        name: `default_${providerPackage}`,
        urn: `urn:pulumi:${stack ?? "dev"}::${project ?? "app"}::pulumi:providers:${providerPackage}::default_${providerPackage}`,
        props: {},
    };
}

function diagnostics(response: analyzerProto.AnalyzeResponse): Diagnostic[] {
    return response.getDiagnosticsList().map((d) => ({
        policyName: d.getPolicyname(),
        message: d.getMessage(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()],
        urn: d.getUrn(),
        severity: d.getSeverity(),
    }));
}
