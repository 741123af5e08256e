/**
 * A resource as the pack judges it, whoever hands it over: the SDK in Analyze (inputs) and
 * AnalyzeStack (outputs), the CLI's in-process evaluation, tests. Adapters turn it into rules; the
 * stack graph joins many of them into a network.
 */
export interface AnalyzedResource {
    type: string;
    name: string;
    urn: string;
    /** Raw properties as the engine sent them (unknowns as sentinels; secrets unwrapped by the SDK, or not). */
    props: unknown;
    /**
     * Top-level property → URNs of the resources that fed it (`vpcSecurityGroupIds` → the groups), known
     * even while the ids themselves are not. Only AnalyzeStack carries them.
     */
    propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}
