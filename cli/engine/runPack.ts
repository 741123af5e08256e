/**
 * Judges captured resources with the real policy pack, in the order and shape the Pulumi engine
 * uses: ConfigureStack, GetAnalyzerInfo, Configure (config-file values over schema defaults, as the
 * CLI fills them), Analyze for each resource's inputs, then AnalyzeStack with every resource.
 */
import { Diagnostic, PACK_DIR, PackProcess, PolicyInfo, ProviderReference, PackResource } from "./packProcess";
import { CaptureResult, CapturedResource, Mode } from "./capturedStack";
import { UNKNOWN } from "../../policypack/model/sentinels";
import { validatePolicyConfig } from "../policyConfig";
import { withRuleFacts } from "./ruleFacts";
import { PackConfiguration } from "../../policypack/inProcess";
import * as path from "path";
import { driftMessage, onlyInRecordedState, recordedProperties } from "./drift";
import { severityOfNumber } from "../../policypack/model/severity";

export interface Violation {
    policy: string;
    enforcementLevel: "mandatory" | "advisory";
    severity: string;
    urn: string;
    resourceType: string;
    resourceName: string;
    message: string;
    /** Set when the resource was made by a model of a component (not seen from its provider): the model's source. */
    modeled?: string;
    /**
     * The rule the violation is about, for tierguard's own pack (see ruleFacts.ts): where it sits
     * (`ingress[1]`), in which resource when not this one, its protocol, ports and the peer that matters.
     */
    rule?: string;
    ruleUrn?: string;
    protocol?: string;
    ports?: string;
    peer?: string;
    /** Set when only the resource's recorded state (its outputs in a stack export) has this, not its inputs: drift. */
    drift?: true;
}

export interface PackVerdict {
    violations: Violation[];
    /** The pack's policies, as GetAnalyzerInfo describes them. */
    policies: PolicyInfo[];
    /** How many resources were analysed (Analyze calls). */
    analysed: number;
}

/** Policy config in the shape of `pulumi preview --policy-pack-config`: level strings or objects, "all" for every policy. */
export type PolicyConfigFile = Record<string, string | Record<string, unknown>>;

/** What the CLI sends in Configure: the file's values over each policy's schema defaults and default level. */
export function configurationFor(policies: PolicyInfo[], file: PolicyConfigFile): Record<string, { enforcementLevel: string; [key: string]: unknown }> {
    const allLevel = typeof file.all === "string" ? file.all : undefined;
    const result: Record<string, { enforcementLevel: string; [key: string]: unknown }> = {};
    for (const policy of policies) {
        const given = file[policy.name];
        const settings = typeof given === "object" && given !== null ? given : {};
        const level = typeof given === "string" ? given : (settings.enforcementLevel as string | undefined) ?? allLevel ?? policy.enforcementLevel;
        const defaults: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema)) {
            if (schema && typeof schema === "object" && "default" in (schema as object)) defaults[key] = (schema as { default: unknown }).default;
        }
        const { enforcementLevel: _ignored, ...properties } = settings as Record<string, unknown>;
        result[policy.name] = { ...defaults, ...properties, enforcementLevel: level };
    }
    return result;
}

function providerOf(resource: CapturedResource, lookup: (urn: string) => CapturedResource | undefined): ProviderReference | undefined {
    if (!resource.provider) return undefined;
    const urn = resource.provider.split("::").slice(0, -1).join("::");
    const provider = lookup(urn);
    return provider ? { type: provider.type, name: provider.name, urn, props: provider.inputs } : undefined;
}

/** Resources the engine analyses one by one: custom resources it registers, other than providers (not reads). */
export function isAnalysed(resource: CapturedResource): boolean {
    return resource.custom && !resource.read && !resource.type.startsWith("pulumi:providers:");
}

/** A resource's outputs as AnalyzeStack sees them: recorded outputs (a stack export), else inputs plus its id (unknown during a preview). */
export function outputsOf(resource: CapturedResource): Record<string, unknown> {
    if (resource.outputs) return resource.outputs;
    return resource.custom ? { ...resource.inputs, id: resource.id ?? UNKNOWN } : resource.inputs;
}

/** How long a pack that answered before may take to answer GetAnalyzerInfo before it counts as stopped. */
const PROBE_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
        promise.then(
            (value) => {
                clearTimeout(timer);
                resolve(value);
            },
            (error) => {
                clearTimeout(timer);
                reject(error);
            },
        );
    });
}

/**
 * Analyze calls in flight at once. The engine, too, analyses resources as its parallel steps reach
 * them; keeping several requests queued lets the pack work while this process encodes the next ones.
 */
const ANALYZE_IN_FLIGHT = 16;

/** Maps items through an async function with at most `limit` calls pending; results in item order. */
export async function inOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

/** Runs async work with at most `limit` pieces pending at once, in the order it was queued. */
class WorkQueue {
    private running = 0;
    private readonly waiting: Array<() => void> = [];

    constructor(private readonly limit: number) {}

    async run<T>(work: () => Promise<T>): Promise<T> {
        if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
        this.running++;
        try {
            return await work();
        } finally {
            this.running--;
            this.waiting.shift()?.();
        }
    }
}

/**
 * One pack process judging one or more stacks: started and configured once (GetAnalyzerInfo, then
 * Configure with the CLI's defaults), then ConfigureStack, Analyze and AnalyzeStack per stack.
 */
export class PackSession {
    private constructor(
        private readonly pack: PackProcess,
        /** The pack's policies as GetAnalyzerInfo describes them (for SARIF rules). */
        readonly policies: PolicyInfo[],
        /** For tierguard's own pack, the configuration it was sent: rule facts are evaluated in-process with it. */
        private readonly ownConfiguration?: PackConfiguration,
    ) {}

    /**
     * Starts the pack and configures it. The config is first validated against the policies the pack
     * declares (`configSource` names its file in the error): a typo is refused, never sent.
     */
    static async open(configFile: PolicyConfigFile, packDir: string = PACK_DIR, configSource?: string): Promise<PackSession> {
        const pack = await PackProcess.start(packDir);
        try {
            const info = await pack.getAnalyzerInfo();
            const own = path.resolve(packDir) === path.resolve(PACK_DIR);
            validatePolicyConfig(configSource, configFile, info.policies, own);
            const configuration = configurationFor(info.policies, configFile);
            await pack.configure(configuration);
            return new PackSession(pack, info.policies, own ? configuration : undefined);
        } catch (error) {
            await pack.stop();
            throw error;
        }
    }

    async close(): Promise<void> {
        await this.pack.stop();
    }

    /**
     * After a request failed: undefined when the pack still answers, else how it ended (it may have
     * run out of memory, been killed, or hang), with its last words on stderr. A pack that still runs
     * but does not answer is left to close() to stop.
     */
    async failure(): Promise<string | undefined> {
        if (this.pack.alive) {
            try {
                await withTimeout(this.pack.getAnalyzerInfo(), PROBE_TIMEOUT_MS);
                return undefined;
            } catch {
                // Gone or going: say how, below.
            }
        }
        const ended = (await this.pack.ended(1000)) ?? `it did not answer within ${PROBE_TIMEOUT_MS / 1000} s`;
        const lastWords = this.pack.stderr().trim().split("\n").slice(-3).join(" / ");
        return lastWords ? `${ended}; its last output: ${lastWords}` : ended;
    }

    /** Starts judging one stack: ConfigureStack now, then Analyze as resources arrive, AnalyzeStack at the end. */
    beginStack(identity: { project: string; stack: string }, mode: Mode): StackJudgement {
        return new StackJudgement(this.pack, this.policies, identity, mode);
    }

    /**
     * Judges a whole recorded stack at once. With `recordedState` (a stack export), resources whose
     * recorded outputs differ from their inputs are also analysed as recorded (see drift.ts).
     */
    async judge(capture: CaptureResult, mode: Mode, options: { recordedState?: boolean } = {}): Promise<PackVerdict> {
        const judgement = this.beginStack(capture, mode);
        const byUrn = new Map(capture.resources.map((r) => [r.urn, r]));
        const lookup = (urn: string) => byUrn.get(urn);
        for (const resource of capture.resources) if (isAnalysed(resource)) judgement.analyze(resource, lookup, options);
        const verdict = await judgement.finish(capture);
        return this.ownConfiguration ? { ...verdict, violations: withRuleFacts(verdict.violations, capture, this.ownConfiguration) } : verdict;
    }
}

/**
 * The judgement of one stack, fed as the engine feeds a pack: each resource analysed as it is
 * registered (several in flight, while the program goes on), the whole stack once it is done.
 */
export class StackJudgement {
    private readonly configured: Promise<void>;
    private readonly queue = new WorkQueue(ANALYZE_IN_FLIGHT);
    private readonly pending: Array<Promise<Diagnostic[]>> = [];
    /** Analyze of resources' recorded state, each beside the same resource's Analyze of its inputs. */
    private readonly pendingRecorded: Array<Promise<{ recorded: Diagnostic[]; declared: Diagnostic[] }>> = [];

    constructor(
        private readonly pack: PackProcess,
        private readonly policies: PolicyInfo[],
        identity: { project: string; stack: string },
        mode: Mode,
    ) {
        this.configured = pack.configureStack({ stack: identity.stack, project: identity.project, organization: "organization", dryRun: mode === "preview" });
        this.configured.catch(() => undefined);
    }

    /**
     * Queues Analyze of one resource's inputs; `lookup` finds its provider among the stack's resources.
     * With `recordedState`, also of the resource as its outputs record it, when they differ from its
     * inputs: its findings that the inputs do not also give are drift.
     */
    analyze(resource: CapturedResource, lookup: (urn: string) => CapturedResource | undefined, options: { recordedState?: boolean } = {}): void {
        const declared = this.queued(resource, resource.inputs, lookup);
        this.pending.push(declared);
        const recorded = options.recordedState ? recordedProperties(resource.inputs, resource.outputs) : undefined;
        if (!recorded) return;
        const pair = Promise.all([this.queued(resource, recorded, lookup), declared]).then(([recordedFindings, declaredFindings]) => ({ recorded: recordedFindings, declared: declaredFindings }));
        pair.catch(() => undefined); // Reported by finish().
        this.pendingRecorded.push(pair);
    }

    private queued(resource: CapturedResource, props: Record<string, unknown>, lookup: (urn: string) => CapturedResource | undefined): Promise<Diagnostic[]> {
        const request = this.queue.run(async () => {
            await this.configured;
            return this.pack.analyze(asAnalyzed(resource, props, lookup));
        });
        request.catch(() => undefined); // Reported by finish().
        return request;
    }

    /** Waits for every Analyze, then AnalyzeStack of every resource's outputs; the verdict of both. */
    async finish(capture: CaptureResult): Promise<PackVerdict> {
        // Every request settles before a failure is reported: none may still be running when the
        // same pack goes on to the next stack.
        await Promise.allSettled([this.configured, ...this.pending, ...this.pendingRecorded]);
        await this.configured;
        const diagnostics = (await Promise.all(this.pending)).flat();
        const drifted = new Set<Diagnostic>();
        for (const { recorded, declared } of await Promise.all(this.pendingRecorded)) {
            for (const diagnostic of onlyInRecordedState(recorded, declared)) {
                drifted.add(diagnostic);
                diagnostics.push(diagnostic);
            }
        }
        const byUrn = new Map(capture.resources.map((r) => [r.urn, r]));
        diagnostics.push(...(await this.pack.analyzeStack(capture.resources.map((r) => asAnalyzed(r, outputsOf(r), (urn) => byUrn.get(urn))))));
        const violations = diagnostics.map((d): Violation => {
            const urn = d.urn || capture.stackUrn;
            const resource = byUrn.get(urn);
            return {
                policy: d.policyName,
                enforcementLevel: d.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
                severity: severityOfNumber(d.severity) ?? "unspecified",
                urn,
                resourceType: resource?.type ?? "pulumi:pulumi:Stack",
                resourceName: resource?.name ?? `${capture.project}-${capture.stack}`,
                message: drifted.has(d) ? driftMessage(d.message) : d.message,
                ...(resource?.modeled ? { modeled: resource.modeled.source } : {}),
                ...(drifted.has(d) ? { drift: true as const } : {}),
            };
        });
        return { violations, analysed: this.pending.length, policies: this.policies };
    }
}

/** A resource as the engine describes it to the pack: with these props, its parent, dependencies and provider. */
function asAnalyzed(resource: CapturedResource, props: Record<string, unknown>, lookup: (urn: string) => CapturedResource | undefined): PackResource {
    return {
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        props,
        parent: resource.parent,
        dependencies: resource.dependencies,
        propertyDependencies: resource.propertyDependencies,
        provider: providerOf(resource, lookup),
    };
}
