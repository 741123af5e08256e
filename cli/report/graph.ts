/**
 * `--graph mermaid|dot`: the stack's network as the stack policies see it — tiers as groups,
 * resources with their security groups, edges from the internet or a source tier labelled with
 * protocol and ports — built as the pack built it (the same resources, deserialized as the SDK does,
 * and the internet definition of the policy config the pack was sent). An edge is red when a
 * violation names a path along it: tierguard's own pack's violations carry their paths (see
 * cli/engine/ruleFacts.ts); another pack's cannot, so with one no edge is red and a legend says why.
 *
 * Every node id is tierguard's (internet, tier_<tier>, n0, n1, …, not_checked, legend); names and everything else from
 * the stack only ever appear inside a quoted label, escaped for the graph's language, so a label
 * cannot end its string, start a statement or (in Mermaid) a directive.
 */
import { stackGraphInProcess } from "../../policypack/inProcess";
import { pathsTo } from "../../policypack/network/reachability";
import { protocolAndPorts } from "../../policypack/model/rule";
import { stackAsSent } from "../engine/capturedStack";
import { CheckReport } from "./checkReport";
import { dotString, mermaidString } from "./escape";

export type GraphFormat = "mermaid" | "dot";

interface DrawnEdge {
    from: string;
    to: string;
    label: string;
    violating: boolean;
}

const TIER_ORDER = ["public", "web", "app", "data", "untiered"];

/** Why no edge is red when violations carry no paths. */
const NO_COLOURS = "violations are not coloured: the findings of another policy pack (--policy-pack) name no paths";

/** The graph node a path starts at: the internet, or a tier. */
const sourceNode = (source: string) => (source === "internet" ? "internet" : `tier_${source}`);
const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

/** The drawn edges (source node, resource) that a violation names a path along. */
function violatingEdges({ violations }: CheckReport): Set<string> {
    const named = new Set<string>();
    for (const { edge } of violations) if (edge && edge.source !== "unknown") named.add(edgeKey(sourceNode(edge.source), edge.destinationUrn));
    return named;
}

function networkOf(report: CheckReport) {
    const { capture, secrets, graphBasis } = report;
    const redact = (text: string) => secrets?.redact(text) ?? text;
    const graph = stackGraphInProcess(stackAsSent(capture));
    const violating = violatingEdges(report);
    const modeledUrns = new Set(capture.resources.filter((r) => r.modeled).map((r) => r.urn));
    const ids = new Map<string, string>();
    const id = (key: string) => ids.get(key) ?? (ids.set(key, `n${ids.size}`), ids.get(key)!);
    const tiers = new Map<string, Array<{ id: string; label: string }>>();
    const edges = new Map<string, DrawnEdge>();
    for (const carrier of graph.carriers) {
        const tier = carrier.tier ?? "untiered";
        const groups = carrier.attachments.map((a) => a.group.label).join(", ");
        const modeled = modeledUrns.has(carrier.resource.urn) ? " (modeled)" : "";
        (tiers.get(tier) ?? tiers.set(tier, []).get(tier)!).push({
            id: id(carrier.resource.urn),
            label: redact(`${carrier.resource.name}${groups ? ` [${groups}]` : ""}${modeled}`),
        });
        for (const path of pathsTo(graph, carrier, graphBasis.internet)) {
            if (path.source === "unknown") continue;
            const from = sourceNode(path.source);
            const key = edgeKey(from, carrier.resource.urn);
            const label = redact(protocolAndPorts(path.rule));
            const existing = edges.get(key);
            if (!existing) edges.set(key, { from, to: id(carrier.resource.urn), label, violating: violating.has(key) });
            else if (!existing.label.includes(label)) existing.label += `; ${label}`;
        }
    }
    // Components whose children were not checked: drawn apart, so a picture never looks complete when it is not.
    const unchecked = capture.resources
        .filter((r) => r.remote && (r.expansion?.by ?? "none") === "none")
        .map((r) => ({ id: id(r.urn), label: `${r.name} (${r.type}): NOT CHECKED` }));
    return { tiers, edges: [...edges.values()], unchecked, legend: graphBasis.edgesKnown ? undefined : NO_COLOURS };
}

/** The report's network; secret values in labels are shown as [secret], as in every report. */
export function renderGraph(report: CheckReport, format: GraphFormat): string {
    const { tiers, edges, unchecked, legend } = networkOf(report);
    const ordered = TIER_ORDER.filter((t) => tiers.has(t));
    if (format === "mermaid") {
        const lines = ["flowchart LR", '    internet(("internet"))'];
        for (const tier of ordered) {
            lines.push(`    subgraph tier_${tier}[${mermaidString(tier)}]`);
            for (const node of tiers.get(tier)!) lines.push(`        ${node.id}[${mermaidString(node.label)}]`);
            lines.push("    end");
        }
        if (unchecked.length > 0) {
            lines.push('    subgraph not_checked["not checked"]');
            for (const node of unchecked) lines.push(`        ${node.id}[${mermaidString(node.label)}]`);
            lines.push("    end", "    style not_checked stroke-dasharray: 5 5");
        }
        edges.forEach((edge, i) => {
            lines.push(`    ${edge.from} -->|${mermaidString(edge.label)}| ${edge.to}`);
            if (edge.violating) lines.push(`    linkStyle ${i} stroke:#d00,stroke-width:3px`);
        });
        if (legend) lines.push(`    legend[${mermaidString(legend)}]`, "    style legend stroke-dasharray: 5 5");
        return lines.join("\n");
    }
    const lines = ["digraph tierguard {", "    rankdir=LR;", '    internet [shape=doublecircle, label="internet"];'];
    for (const tier of ordered) {
        lines.push(`    subgraph cluster_${tier} {`, `        label=${dotString(tier)};`, `        tier_${tier} [shape=point, label=""];`);
        for (const node of tiers.get(tier)!) lines.push(`        ${node.id} [shape=box, label=${dotString(node.label)}];`);
        lines.push("    }");
    }
    if (unchecked.length > 0) {
        lines.push("    subgraph cluster_not_checked {", '        label="not checked";', "        style=dashed;");
        for (const node of unchecked) lines.push(`        ${node.id} [shape=box, style=dashed, label=${dotString(node.label)}];`);
        lines.push("    }");
    }
    for (const tier of TIER_ORDER)
        if (!tiers.has(tier) && edges.some((e) => e.from === `tier_${tier}`)) lines.push(`    tier_${tier} [label=${dotString(tier)}];`);
    for (const edge of edges) lines.push(`    ${edge.from} -> ${edge.to} [label=${dotString(edge.label)}${edge.violating ? ", color=red, penwidth=3" : ""}];`);
    if (legend) lines.push(`    legend [shape=note, style=dashed, label=${dotString(legend)}];`);
    lines.push("}");
    return lines.join("\n");
}
