"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stackGraphInProcess = stackGraphInProcess;
exports.internetDefinition = internetDefinition;
exports.judgeInProcess = judgeInProcess;
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
const define_1 = require("./kit/define");
const config_1 = require("./kit/config");
const graph_1 = require("./network/graph");
const ruleExposure_1 = require("./network/ruleExposure");
const policy_1 = require("./policies/tier-isolation/policy");
const policies_1 = require("./policies");
const sdkDeserializer_1 = require("./sdkDeserializer");
/** What the SDK's Struct round trip and deserializer make of properties. */
function asPolicySees(props) {
    const plain = JSON.parse(JSON.stringify(props));
    return (0, sdkDeserializer_1.sdkDeserializer)()({ toJavaScript: () => plain }, false);
}
/** The settings a policy's getConfig() returns: its configuration without the level. */
function settingsOf(configuration, policy) {
    const { enforcementLevel, ...settings } = configuration[policy] ?? { enforcementLevel: "" };
    return { level: enforcementLevel, settings };
}
/** The stack's network graph as stack policies see it in the pack (AnalyzeStack's resources, deserialized as the SDK does). */
function stackGraphInProcess(stack) {
    return new graph_1.StackGraph(stack.map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: (0, define_1.unwrapProps)(asPolicySees(r.props)), propertyDependencies: r.propertyDependencies })));
}
/** The internet definition a stack policy (tier-isolation unless named) judges paths with under this configuration (its defaults where it sets none). */
function internetDefinition(configuration, policy = policy_1.tierIsolation.name) {
    return (0, config_1.parseConfig)(config_1.internetKeys, settingsOf(configuration, policy).settings).values;
}
/**
 * Every finding of every enabled policy: resource policies on `analysed` (their inputs, Analyze),
 * stack policies on `stack` (every resource's outputs, AnalyzeStack). Properties as the engine sends
 * them to the pack (Struct values: secret envelopes, unknown sentinels).
 */
function judgeInProcess(analysed, stack, configuration) {
    const findings = [];
    // One graph per run: the stack policies judge it, and it tells each resource finding's exposure.
    const graph = stackGraphInProcess(stack);
    const exposures = new ruleExposure_1.RuleExposures(graph);
    const resourcePolicies = policies_1.policyDefinitions.filter((p) => settingsOf(configuration, p.name).level !== "disabled");
    for (const resource of analysed) {
        const applicable = resourcePolicies.filter((p) => p.appliesTo.has(resource.type));
        if (applicable.length === 0)
            continue;
        const asSent = { type: resource.type, name: resource.name, urn: resource.urn, props: (0, define_1.unwrapProps)(asPolicySees(resource.props)) };
        for (const policy of applicable) {
            const { settings } = settingsOf(configuration, policy.name);
            const internet = (0, config_1.parseConfig)(config_1.internetKeys, settings).values;
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
    for (const policy of policies_1.stackPolicyDefinitions) {
        const { level, settings } = settingsOf(configuration, policy.name);
        if (level === "disabled")
            continue;
        for (const report of policy.evaluate(graph, settings)) {
            findings.push({ policy: policy.name, urn: report.urn ?? "", message: report.message, rule: report.rule, peer: report.peer, edge: report.edge });
        }
    }
    return findings;
}
