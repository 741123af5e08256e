/**
 * Stack policies: pure functions from the stack's network graph and config to findings about
 * resources, wrapped like resource policies (config defaults and errors, exemptions per resource,
 * levels for "cannot verify", nothing ever thrown into the engine).
 */
import type { PolicyResource, ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { StackGraph } from "../network/graph";
import { AnalyzedResource } from "../model/resource";
import { ReachEdge } from "../network/reachability";
import { TurnMemo, sameValue } from "./turnMemo";
import { ConfigKeys, ConfigValues } from "./config";
import { Exemption, matchExemptions } from "./exemptions";
import { ownValue } from "../model/ownProperties";
import {
    Finding,
    PolicyMetadata,
    Report,
    configProblems,
    couldNotRun,
    emit,
    exemptionNote,
    keysOf,
    metadataOf,
    parsedConfigOf,
    sdkFields,
    unwrapProps,
} from "./define";

export interface StackFinding extends Finding {
    /** The resource the finding is about (exemptions match it); undefined for the stack as a whole. */
    resource?: AnalyzedResource;
    /** The path the finding is about, when it is about one (reports draw it). */
    edge?: ReachEdge;
}

/** A stack policy as its folder writes it: metadata and a pure check of the stack's graph, typed by its own config keys. */
export interface StackPolicyDefinition<K extends ConfigKeys> extends PolicyMetadata<K> {
    check(graph: StackGraph, config: ConfigValues<K>): StackFinding[];
}

/** A stack policy as the registry holds it: its typed check hidden in a closure (see ResourcePolicy). */
export interface StackPolicy extends PolicyMetadata<ConfigKeys> {
    /** The policy on the stack's graph: config, check, exemptions and levels (see evaluateStack). Never throws. */
    evaluate(graph: StackGraph, rawConfig: unknown): StackReport[];
}

export function defineStackPolicy<K extends ConfigKeys>(definition: StackPolicyDefinition<K>): StackPolicy {
    return { ...metadataOf(definition), evaluate: (graph, rawConfig) => evaluateStack(definition, graph, rawConfig) };
}

export interface StackReport extends Report {
    urn?: string;
    /** The finding's path (never sent to the engine, as `rule` and `peer`). */
    edge?: ReachEdge;
}

/** Runs a stack policy on a graph: config, checks and per-resource exemptions. Never throws. */
export function evaluateStack<K extends ConfigKeys>(policy: StackPolicyDefinition<K>, graph: StackGraph, rawConfig: unknown): StackReport[] {
    const keys = keysOf(policy);
    try {
        const { values } = parsedConfigOf(policy, keys, rawConfig);
        const level = values.unknownValues as "advisory" | "mandatory";
        const reports: StackReport[] = configProblems(policy, rawConfig);
        for (const finding of policy.check(graph, values as ConfigValues<K>)) {
            let message = finding.message;
            if (finding.resource) {
                const exemptions = matchExemptions(values.exemptions as Exemption[], finding.resource.name, finding.resource.urn);
                if (exemptions.active) continue;
                if (exemptions.expired) message += ` (Note: ${exemptionNote(exemptions.expired)}.)`;
            }
            const subject = finding.rule ? { rule: finding.rule, peer: finding.peer } : {};
            const edge = finding.edge ? { edge: finding.edge } : {};
            reports.push({ message, urn: finding.resource?.urn, ...(finding.kind === "unverifiable" ? { enforcementLevel: level } : {}), ...subject, ...edge });
        }
        return reports;
    } catch (error) {
        return [couldNotRun(policy.name, "the stack", error)];
    }
}

/** What of a resource the SDK hands a stack policy the pack reads (its dependencies are resource objects). */
type SdkResource = Pick<PolicyResource, "type" | "name" | "urn" | "props" | "propertyDependencies">;

function analysedResource(r: SdkResource): AnalyzedResource {
    // Keys, not destructured entries: once per resource of every stack (README, "Loops V8 compiles quickly").
    const given = r.propertyDependencies ?? {};
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: unwrapProps(r.props),
        propertyDependencies: Object.fromEntries(Object.keys(given).map((key) => [key, given[key].map((d) => d.urn)])),
    };
}

function sameDependencies(kept: AnalyzedResource["propertyDependencies"] = {}, given: SdkResource["propertyDependencies"]): boolean {
    const keys = Object.keys(kept);
    if (keys.length !== Object.keys(given ?? {}).length) return false;
    for (const key of keys) {
        const x = kept[key];
        const y = ownValue(given, key);
        if (!y || x.length !== y.length) return false;
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i].urn) return false;
    }
    return true;
}

/**
 * What the memo keeps of the stack a graph was built from: the SDK's resource objects it was handed first
 * (tierguard's server hands every stack policy these very objects, so finding them again settles equality
 * at once) and the graph's own copies of them, which the SDK's server's fresh copies are compared with
 * field by field. Both lists live until the memo empties, at the end of the request's turn.
 */
interface KeptStack {
    given: readonly SdkResource[];
    analysed: readonly AnalyzedResource[];
}

/** Is the SDK's copy the stack a graph was built from: same resources in the same order, same properties and dependencies? */
function sameStack(kept: KeptStack, given: readonly SdkResource[]): boolean {
    const { analysed } = kept;
    if (analysed.length !== given.length) return false;
    for (let i = 0; i < analysed.length; i++) {
        const x = analysed[i];
        const y = given[i];
        if (kept.given[i] === y) continue;
        if (
            x.urn !== y.urn ||
            x.type !== y.type ||
            x.name !== y.name ||
            !sameDependencies(x.propertyDependencies, y.propertyDependencies) ||
            !sameValue(x.props, unwrapProps(y.props))
        )
            return false;
    }
    return true;
}

/** The stack's graph, built once per AnalyzeStack request and shared by every stack policy. */
// A copy of the SDK's list (the same objects): whatever its policy does to its own list, what is kept is what the graph was built from.
const graphs = new TurnMemo<readonly SdkResource[], StackGraph, KeptStack>(sameStack, (given, graph) => ({ given: given.slice(), analysed: graph.resources }));

/** The graph of the resources the SDK hands a stack policy. */
function graphOf(resources: readonly SdkResource[]): StackGraph {
    return graphs.get("stack", resources, () => new StackGraph(resources.map(analysedResource)));
}

export function toStackPolicy(policy: StackPolicy): StackValidationPolicy {
    return {
        ...sdkFields(policy),
        validateStack: (args, reportViolation: ReportViolation) => {
            let reports: StackReport[];
            try {
                reports = policy.evaluate(graphOf(args.resources), args.getConfig());
            } catch (error) {
                reports = [couldNotRun(policy.name, "the stack (building its network graph)", error)];
            }
            emit(reportViolation, reports);
        },
    };
}
