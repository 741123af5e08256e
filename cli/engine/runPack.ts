/**
 * Judges captured resources with the real policy pack, in the order and shape the Pulumi engine
 * uses: ConfigureStack, GetAnalyzerInfo, Configure (config-file values over schema defaults, as the
 * CLI fills them), Analyze for each resource's inputs, then AnalyzeStack with every resource.
 */
import { Diagnostic, PACK_DIR, PackProcess, PolicyInfo, ProviderReference, TestResource } from "./packProcess";
import { CaptureResult, CapturedResource, Mode } from "./capturedStack";
import { UNKNOWN } from "../../policypack/model/sentinels";
const SEVERITIES = ["", "low", "medium", "high", "critical"] as const;

export interface Violation {
    policy: string;
    enforcementLevel: "mandatory" | "advisory";
    severity: string;
    urn: string;
    resourceType: string;
    resourceName: string;
    message: string;
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

function providerOf(resource: CapturedResource, byUrn: Map<string, CapturedResource>): ProviderReference | undefined {
    if (!resource.provider) return undefined;
    const urn = resource.provider.split("::").slice(0, -1).join("::");
    const provider = byUrn.get(urn);
    return provider ? { type: provider.type, name: provider.name, urn, props: provider.inputs } : undefined;
}

/** Resources the engine analyses one by one: custom resources it registers, other than providers (not reads). */
export function isAnalysed(resource: CapturedResource): boolean {
    return resource.custom && !resource.read && !resource.type.startsWith("pulumi:providers:");
}

/** A resource's outputs as AnalyzeStack sees them: recorded outputs (a stack export), else inputs plus its id (unknown during a preview). */
function outputsOf(resource: CapturedResource): Record<string, unknown> {
    if (resource.outputs) return resource.outputs;
    return resource.custom ? { ...resource.inputs, id: resource.id ?? UNKNOWN } : resource.inputs;
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

/**
 * One pack process judging one or more stacks: started and configured once (GetAnalyzerInfo, then
 * Configure with the CLI's defaults), then ConfigureStack, Analyze and AnalyzeStack per stack.
 */
export class PackSession {
    private constructor(
        private readonly pack: PackProcess,
        /** The pack's policies as GetAnalyzerInfo describes them (for SARIF rules). */
        readonly policies: PolicyInfo[],
    ) {}

    static async open(configFile: PolicyConfigFile, packDir: string = PACK_DIR): Promise<PackSession> {
        const pack = await PackProcess.start(packDir);
        try {
            const info = await pack.getAnalyzerInfo();
            await pack.configure(configurationFor(info.policies, configFile));
            return new PackSession(pack, info.policies);
        } catch (error) {
            await pack.stop();
            throw error;
        }
    }

    async close(): Promise<void> {
        await this.pack.stop();
    }

    async judge(capture: CaptureResult, mode: Mode): Promise<PackVerdict> {
        const pack = this.pack;
        await pack.configureStack({ stack: capture.stack, project: capture.project, organization: "organization", dryRun: mode === "preview" });
        const byUrn = new Map(capture.resources.map((r) => [r.urn, r]));
        const toTestResource = (r: CapturedResource, props: Record<string, unknown>): TestResource => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props,
            parent: r.parent,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            provider: providerOf(r, byUrn),
        });
        const analysed = capture.resources.filter(isAnalysed);
        const perResource = await inOrder(analysed, ANALYZE_IN_FLIGHT, (resource) => pack.analyze(toTestResource(resource, resource.inputs)));
        const diagnostics: Diagnostic[] = perResource.flat();
        diagnostics.push(...(await pack.analyzeStack(capture.resources.map((r) => toTestResource(r, outputsOf(r))))));

        const violations = diagnostics.map((d): Violation => {
            const urn = d.urn || capture.stackUrn;
            const resource = byUrn.get(urn);
            return {
                policy: d.policyName,
                enforcementLevel: d.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
                severity: SEVERITIES[d.severity] || "unspecified",
                urn,
                resourceType: resource?.type ?? "pulumi:pulumi:Stack",
                resourceName: resource?.name ?? `${capture.project}-${capture.stack}`,
                message: d.message,
            };
        });
        return { violations, analysed: analysed.length, policies: this.policies };
    }
}

/** Judges one stack with a pack of its own. */
export async function judgeWithPack(capture: CaptureResult, mode: Mode, configFile: PolicyConfigFile, packDir: string = PACK_DIR): Promise<PackVerdict> {
    const session = await PackSession.open(configFile, packDir);
    try {
        return await session.judge(capture, mode);
    } finally {
        await session.close();
    }
}
