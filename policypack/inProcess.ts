/**
 * The pack's own evaluation, run in-process on the same resources and config the engine hands the
 * pack — for what the Analyzer protocol cannot carry: the rule, peer and path each finding is about.
 * The tierguard CLI attaches these to the protocol's verdicts (matched by policy, resource and
 * message), so reports can group the findings of one rule and draw the paths they name; a test holds
 * the two to the same verdicts. The CLI's network graph is the stack's graph built here, with the
 * internet definition the configuration gives.
 *
 * Properties go through `@pulumi/policy`'s own deserializer, as in the pack, so policies see exactly
 * what they see under the engine (secrets unwrapped, unknowns as sentinels).
 */
import { unwrapProps } from "./kit/define";
import { AnalyzedResource } from "./model/resource";
import { Rule } from "./model/rule";
import { InternetOptions } from "./model/addresses";
import { internetKeys, parseConfig } from "./kit/config";
import { StackGraph } from "./network/graph";
import { ReachEdge } from "./network/reachability";
import { RuleExposure, RuleExposures } from "./network/ruleExposure";
import { tierIsolation } from "./policies/tier-isolation/policy";
import { policyDefinitions, stackPolicyDefinitions } from "./policies";
import { sdkDeserializer } from "./sdkDeserializer";

export interface InProcessFinding {
    policy: string;
    /** "" for a finding about the stack as a whole, as in the protocol. */
    urn: string;
    message: string;
    rule?: Rule;
    peer?: string;
    edge?: ReachEdge;
    /**
     * For a resource policy's finding about a rule that admits the internet: whether the internet
     * reaches a resource through that rule today, in this stack (see network/ruleExposure.ts).
     */
    exposure?: RuleExposure;
}

/** Policy config as Configure sends it: each policy's settings with its `enforcementLevel`. */
export type PackConfiguration = Record<string, { enforcementLevel: string; [key: string]: unknown }>;

/** What the SDK's Struct round trip and deserializer make of properties. */
function asPolicySees(props: unknown): Record<string, unknown> {
    const plain = JSON.parse(JSON.stringify(props)) as Record<string, unknown>;
    return sdkDeserializer()({ toJavaScript: () => plain }, false);
}

/** The settings a policy's getConfig() returns: its configuration without the level. */
function settingsOf(configuration: PackConfiguration, policy: string): { level: string; settings: Record<string, unknown> } {
    const { enforcementLevel, ...settings } = configuration[policy] ?? { enforcementLevel: "" };
    return { level: enforcementLevel, settings };
}

/** The stack's network graph as stack policies see it in the pack (AnalyzeStack's resources, deserialized as the SDK does). */
export function stackGraphInProcess(stack: readonly AnalyzedResource[]): StackGraph {
    return new StackGraph(
        stack.map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: unwrapProps(asPolicySees(r.props)), propertyDependencies: r.propertyDependencies })),
    );
}

/** The internet definition a stack policy (tier-isolation unless named) judges paths with under this configuration (its defaults where it sets none). */
export function internetDefinition(configuration: PackConfiguration, policy: string = tierIsolation.name): InternetOptions {
    return parseConfig(internetKeys, settingsOf(configuration, policy).settings).values;
}

/**
 * Every finding of every enabled policy: resource policies on `analysed` (their inputs, Analyze),
 * stack policies on `stack` (every resource's outputs, AnalyzeStack). Properties as the engine sends
 * them to the pack (Struct values: secret envelopes, unknown sentinels).
 */
export function judgeInProcess(
    analysed: readonly AnalyzedResource[],
    stack: readonly AnalyzedResource[],
    configuration: PackConfiguration,
): InProcessFinding[] {
    const findings: InProcessFinding[] = [];
    // One graph per run: the stack policies judge it, and it tells each resource finding's exposure.
    const graph = stackGraphInProcess(stack);
    const exposures = new RuleExposures(graph);
    const resourcePolicies = policyDefinitions.filter((p) => settingsOf(configuration, p.name).level !== "disabled");
    for (const resource of analysed) {
        const applicable = resourcePolicies.filter((p) => p.appliesTo.has(resource.type));
        if (applicable.length === 0) continue;
        const asSent = { type: resource.type, name: resource.name, urn: resource.urn, props: unwrapProps(asPolicySees(resource.props)) };
        for (const policy of applicable) {
            const { settings } = settingsOf(configuration, policy.name);
            const internet = parseConfig(internetKeys, settings).values;
            for (const report of policy.evaluate(asSent, settings)) {
                const exposure = report.rule ? exposures.of(report.rule, internet) : undefined;
                findings.push({
                    policy: policy.name,
                    urn: resource.urn,
                    message: report.message,
                    rule: report.rule,
                    peer: report.peer,
                    ...(exposure ? { exposure } : {}),
                });
            }
        }
    }
    for (const policy of stackPolicyDefinitions) {
        const { level, settings } = settingsOf(configuration, policy.name);
        if (level === "disabled") continue;
        for (const report of policy.evaluate(graph, settings)) {
            findings.push({ policy: policy.name, urn: report.urn ?? "", message: report.message, rule: report.rule, peer: report.peer, edge: report.edge });
        }
    }
    return findings;
}
