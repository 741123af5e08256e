/**
 * The judgement of one stack by a configured pack, fed as the engine feeds it: ConfigureStack, then
 * each resource's Analyze (several in flight, as the engine's parallel steps send them), then
 * AnalyzeStack of the whole stack.
 */
import { Diagnostic, PackProcess, PolicyInfo, ProviderReference, PackResource } from "./packProcess";
import { CaptureResult, CapturedResource, Mode, outputsOf } from "./capturedStack";
import { WorkQueue } from "./boundedConcurrency";
import { onlyInRecordedState, recordedProperties } from "./drift";
import { Violation, violationOf } from "./violation";

export interface PackVerdict {
    violations: Violation[];
    /** The pack's policies, as GetAnalyzerInfo describes them. */
    policies: PolicyInfo[];
    /** How many resources were analysed (Analyze calls). */
    analysed: number;
}

/**
 * Analyze calls in flight at once. The engine, too, analyses resources as its parallel steps reach
 * them; keeping several requests queued lets the pack work while this process encodes the next ones.
 */
const ANALYZE_IN_FLIGHT = 16;

type Lookup = (urn: string) => CapturedResource | undefined;

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
    analyze(resource: CapturedResource, lookup: Lookup, options: { recordedState?: boolean } = {}): void {
        const declared = this.queued(resource, resource.inputs, lookup);
        this.pending.push(declared);
        const recorded = options.recordedState ? recordedProperties(resource.inputs, resource.outputs) : undefined;
        if (!recorded) return;
        const pair = Promise.all([this.queued(resource, recorded, lookup), declared]).then(([recordedFindings, declaredFindings]) => ({
            recorded: recordedFindings,
            declared: declaredFindings,
        }));
        pair.catch(() => undefined); // Reported by finish().
        this.pendingRecorded.push(pair);
    }

    private queued(resource: CapturedResource, props: Record<string, unknown>, lookup: Lookup): Promise<Diagnostic[]> {
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
        const violations = diagnostics.map((d) => violationOf(d, capture, byUrn, drifted.has(d)));
        return { violations, analysed: this.pending.length, policies: this.policies };
    }
}

function providerOf(resource: CapturedResource, lookup: Lookup): ProviderReference | undefined {
    if (!resource.provider) return undefined;
    const urn = resource.provider.split("::").slice(0, -1).join("::");
    const provider = lookup(urn);
    return provider ? { type: provider.type, name: provider.name, urn, props: provider.inputs } : undefined;
}

/** A resource as the engine describes it to the pack: with these props, its parent, dependencies and provider. */
function asAnalyzed(resource: CapturedResource, props: Record<string, unknown>, lookup: Lookup): PackResource {
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
