"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineStackPolicy = defineStackPolicy;
exports.evaluateStack = evaluateStack;
exports.toStackPolicy = toStackPolicy;
const graph_1 = require("../network/graph");
const turnMemo_1 = require("./turnMemo");
const exemptions_1 = require("./exemptions");
const ownProperties_1 = require("../model/ownProperties");
const define_1 = require("./define");
function defineStackPolicy(definition) {
    return { ...(0, define_1.metadataOf)(definition), evaluate: (graph, rawConfig) => evaluateStack(definition, graph, rawConfig) };
}
/** Runs a stack policy on a graph: config, checks and per-resource exemptions. Never throws. */
function evaluateStack(policy, graph, rawConfig) {
    const keys = (0, define_1.keysOf)(policy);
    try {
        const { values } = (0, define_1.parsedConfigOf)(policy, keys, rawConfig);
        const level = values.unknownValues;
        const reports = (0, define_1.configProblems)(policy, rawConfig);
        for (const finding of policy.check(graph, values)) {
            let message = finding.message;
            if (finding.resource) {
                const exemptions = (0, exemptions_1.matchExemptions)(values.exemptions, finding.resource.name, finding.resource.urn);
                if (exemptions.active)
                    continue;
                if (exemptions.expired)
                    message += ` (Note: ${(0, define_1.exemptionNote)(exemptions.expired)}.)`;
            }
            const subject = finding.rule ? { rule: finding.rule, peer: finding.peer } : {};
            const edge = finding.edge ? { edge: finding.edge } : {};
            reports.push({ message, urn: finding.resource?.urn, ...(finding.kind === "unverifiable" ? { enforcementLevel: level } : {}), ...subject, ...edge });
        }
        return reports;
    }
    catch (error) {
        return [(0, define_1.couldNotRun)(policy.name, "the stack", error)];
    }
}
function analysedResource(r) {
    // Keys, not destructured entries: once per resource of every stack (README, "Loops V8 compiles quickly").
    const given = r.propertyDependencies ?? {};
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: (0, define_1.unwrapProps)(r.props),
        propertyDependencies: Object.fromEntries(Object.keys(given).map((key) => [key, given[key].map((d) => d.urn)])),
    };
}
function sameDependencies(kept = {}, given) {
    const keys = Object.keys(kept);
    if (keys.length !== Object.keys(given ?? {}).length)
        return false;
    for (const key of keys) {
        const x = kept[key];
        const y = (0, ownProperties_1.ownValue)(given, key);
        if (!y || x.length !== y.length)
            return false;
        for (let i = 0; i < x.length; i++)
            if (x[i] !== y[i].urn)
                return false;
    }
    return true;
}
/** Is the SDK's copy the stack a graph was built from: same resources in the same order, same properties and dependencies? */
function sameStack(kept, given) {
    const { analysed } = kept;
    if (analysed.length !== given.length)
        return false;
    for (let i = 0; i < analysed.length; i++) {
        const x = analysed[i];
        const y = given[i];
        if (kept.given[i] === y)
            continue;
        if (x.urn !== y.urn ||
            x.type !== y.type ||
            x.name !== y.name ||
            !sameDependencies(x.propertyDependencies, y.propertyDependencies) ||
            !(0, turnMemo_1.sameValue)(x.props, (0, define_1.unwrapProps)(y.props)))
            return false;
    }
    return true;
}
/** The stack's graph, built once per AnalyzeStack request and shared by every stack policy. */
// A copy of the SDK's list (the same objects): whatever its policy does to its own list, what is kept is what the graph was built from.
const graphs = new turnMemo_1.TurnMemo(sameStack, (given, graph) => ({ given: given.slice(), analysed: graph.resources }));
/** The graph of the resources the SDK hands a stack policy. */
function graphOf(resources) {
    return graphs.get("stack", resources, () => new graph_1.StackGraph(resources.map(analysedResource)));
}
function toStackPolicy(policy) {
    return {
        ...(0, define_1.sdkFields)(policy),
        validateStack: (args, reportViolation) => {
            let reports;
            try {
                reports = policy.evaluate(graphOf(args.resources), args.getConfig());
            }
            catch (error) {
                reports = [(0, define_1.couldNotRun)(policy.name, "the stack (building its network graph)", error)];
            }
            (0, define_1.emit)(reportViolation, reports);
        },
    };
}
