/**
 * The pack's own evaluation, run in-process on the same resources and config the engine hands the
 * pack — for what the Analyzer protocol cannot carry: the rule and peer each finding is about. The
 * tierguard CLI attaches these to the protocol's verdicts (matched by policy, resource and message),
 * so reports can group the findings of one rule; a test holds the two to the same verdicts.
 *
 * Properties go through `@pulumi/policy`'s own deserializer, as in the pack, so policies see exactly
 * what they see under the engine (secrets unwrapped, unknowns as sentinels).
 */
import { unwrapProps } from "./kit/define";
import { graphOf } from "./kit/defineStack";
import { rulesOf } from "./adapters";
import { Rule } from "./model/rule";
import { policyDefinitions, stackPolicyDefinitions } from "./policies";

export interface InProcessResource {
    type: string;
    name: string;
    urn: string;
    /** Properties as the engine sends them to the pack (Struct values: secret envelopes, unknown sentinels). */
    props: Record<string, unknown>;
    propertyDependencies: Record<string, string[]>;
}

export interface InProcessFinding {
    policy: string;
    /** "" for a finding about the stack as a whole, as in the protocol. */
    urn: string;
    message: string;
    rule?: Rule;
    peer?: string;
}

/** Policy config as Configure sends it: each policy's settings with its `enforcementLevel`. */
export type PackConfiguration = Record<string, { enforcementLevel: string; [key: string]: unknown }>;

// @pulumi/policy's own deserializer (its typings mark it internal, so it is required rather than imported).
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(struct: { toJavaScript(): unknown }, proxySecrets: boolean): Record<string, unknown> };

/** What the SDK's Struct round trip and deserializer make of properties. */
function asPolicySees(props: Record<string, unknown>): Record<string, unknown> {
    const plain = JSON.parse(JSON.stringify(props)) as Record<string, unknown>;
    return deserializeProperties({ toJavaScript: () => plain }, false);
}

/** The settings a policy's getConfig() returns: its configuration without the level. */
function settingsOf(configuration: PackConfiguration, policy: string): { level: string; settings: Record<string, unknown> } {
    const { enforcementLevel, ...settings } = configuration[policy] ?? { enforcementLevel: "" };
    return { level: enforcementLevel, settings };
}

/**
 * Every finding of every enabled policy: resource policies on `analysed` (their inputs, Analyze),
 * stack policies on `stack` (every resource's outputs, AnalyzeStack).
 */
export function judgeInProcess(analysed: readonly InProcessResource[], stack: readonly InProcessResource[], configuration: PackConfiguration): InProcessFinding[] {
    const findings: InProcessFinding[] = [];
    const resourcePolicies = policyDefinitions.filter((p) => settingsOf(configuration, p.name).level !== "disabled");
    for (const resource of analysed) {
        const applicable = resourcePolicies.filter((p) => p.appliesTo.has(resource.type));
        if (applicable.length === 0) continue;
        const props = unwrapProps(asPolicySees(resource.props));
        const under = { type: resource.type, name: resource.name, urn: resource.urn, props, rules: rulesOf(resource, props) };
        for (const policy of applicable) {
            for (const report of policy.evaluate(under, settingsOf(configuration, policy.name).settings)) {
                findings.push({ policy: policy.name, urn: resource.urn, message: report.message, rule: report.rule, peer: report.peer });
            }
        }
    }
    const graph = graphOf(
        stack.map((r) => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: asPolicySees(r.props),
            propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([key, urns]) => [key, urns.map((urn) => ({ urn }))])),
        })),
    );
    for (const policy of stackPolicyDefinitions) {
        const { level, settings } = settingsOf(configuration, policy.name);
        if (level === "disabled") continue;
        for (const report of policy.evaluate(graph, settings)) {
            findings.push({ policy: policy.name, urn: report.urn ?? "", message: report.message, rule: report.rule, peer: report.peer });
        }
    }
    return findings;
}
