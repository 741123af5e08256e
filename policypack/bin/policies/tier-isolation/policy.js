"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tierIsolation = void 0;
const config_1 = require("../../kit/config");
const unresolved_1 = require("../../model/unresolved");
const carriers_1 = require("../../network/carriers");
const reachability_1 = require("../../network/reachability");
const internetPaths_1 = require("../../network/internetPaths");
const DEFAULT_FLOWS = [
    ["internet", "public"],
    ["public", "web"],
    ["public", "app"],
    ["web", "app"],
    ["web", "data"],
    ["app", "data"],
];
const flowsKey = {
    schema: {
        type: "array",
        description: 'Allowed [from, to] tier pairs ("internet" as a source); replaces the defaults.',
        items: { type: "array", items: { type: "string" } },
        default: DEFAULT_FLOWS,
    },
    defaultValue: DEFAULT_FLOWS,
    read(raw) {
        if (!Array.isArray(raw))
            return { invalid: `${(0, unresolved_1.show)(raw)} is not a list of [from, to] pairs` };
        for (const [i, pair] of raw.entries()) {
            const ok = Array.isArray(pair) && pair.length === 2 && (pair[0] === "internet" || carriers_1.TIERS.includes(pair[0])) && carriers_1.TIERS.includes(pair[1]);
            if (!ok)
                return { invalid: `item [${i}] = ${(0, unresolved_1.show)(pair)} is not a [from, to] pair of tiers (${carriers_1.TIERS.join(", ")}; "internet" as a source)` };
        }
        return raw;
    },
};
const booleanKey = (description, defaultValue) => ({
    schema: { type: "boolean", description, default: defaultValue },
    defaultValue,
    read: (raw) => (typeof raw === "boolean" ? raw : { invalid: `${(0, unresolved_1.show)(raw)} is not true or false` }),
});
const config = {
    flows: flowsKey,
    allowSameTier: booleanKey("Allow traffic between resources of the same tier (cluster members, self rules).", true),
    requireTiers: booleanKey("Report resources that carry security groups but have no tier.", false),
    ...config_1.internetKeys,
};
const FIX_INTERNET = "only the load balancer (tier public) may face the internet: remove the internet rule from this resource's groups, or give the resource its own group.";
const FIX_TIER = "carry only the groups of the resource's own tier, and reference the allowed source tier's group in its ingress rules.";
function words(source) {
    return source === "internet" ? "the internet" : `tier ${source}`;
}
exports.tierIsolation = {
    name: "tier-isolation",
    description: "Every resource is reachable only from the tiers allowed to reach it (internet → public → web/app → data), judged on the union of all its security groups, narrowed by the network ACL of its subnets.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Give each resource the security group of its own tier only, and let each tier's ingress reference the security group of the tier before it. A database must never carry a web or load-balancer group; only load balancers face the internet. Tag resources or groups with tierguard:tier (public, web, app, data) where the tier cannot be inferred.",
    tags: ["network", "stack", "three-tier", "reachability"],
    config,
    check(graph, cfg) {
        const findings = [];
        const allowed = new Set(cfg.flows.map(([from, to]) => `${from}>${to}`));
        for (const carrier of graph.carriers) {
            const tier = carrier.tier;
            if (!tier) {
                if (cfg.requireTiers && carrier.attachments.length > 0) {
                    findings.push({
                        kind: "violation",
                        resource: carrier.resource,
                        message: `"${carrier.resource.name}" carries security groups but has no tier: tag it (or its groups) with tierguard:tier = public, web, app or data.`,
                    });
                }
                continue;
            }
            const seen = new Set();
            for (const path of (0, reachability_1.pathsTo)(graph, carrier, cfg)) {
                const who = `"${carrier.resource.name}" (tier ${tier}, from ${carrier.tierSource})`;
                if (path.source === "unknown") {
                    if (tier === "public")
                        continue; // the public tier may face anyone
                    const key = `unknown|${path.group.label}|${path.rule.origin.path}|${path.rule.origin.resourceName}`;
                    if (seen.has(key))
                        continue;
                    seen.add(key);
                    findings.push({
                        kind: "unverifiable",
                        resource: carrier.resource,
                        message: `${who}: cannot verify that it is not reachable from the internet, because ${path.unresolved ? (0, unresolved_1.describeUnresolved)(path.unresolved) : "a value is unknown"}: ${(0, reachability_1.describePath)(path)}.`,
                        rule: path.rule,
                        peer: path.sourceLabel,
                        edge: (0, reachability_1.edgeOf)(path),
                    });
                    continue;
                }
                const source = path.source;
                const always = tier === "data" && (source === "internet" || source === "public");
                const ok = !always && (allowed.has(`${source}>${tier}`) || (source === tier && cfg.allowSameTier));
                if (ok)
                    continue;
                const key = `${source}|${path.sourceLabel}|${path.group.label}|${path.rule.origin.path}|${path.rule.origin.resourceName}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                const fix = source === "internet" ? FIX_INTERNET : FIX_TIER;
                const from = source === "internet" ? `the internet (${path.sourceLabel})` : `${words(source)}: ${path.sourceLabel}`;
                const because = always ? ` A ${tier}-tier resource must never be reachable from ${words(source)}.` : "";
                if (path.certain) {
                    // From the internet: whether it arrives today (public address, route to an internet gateway, NACL), by the same paths as internet-exposure.
                    const today = source === "internet" ? (0, internetPaths_1.directReachOfPath)(graph, carrier, path, cfg).reach : undefined;
                    const opening = today?.verdict === "no"
                        ? `${who} is open to ${from} by its security groups, though the internet does not reach it today (${today.address.verdict === "no" ? today.address.text : today.route.verdict === "no" ? today.route.text : today.nacl.text}; one address or route change away)`
                        : `${who} is reachable from ${from}`;
                    findings.push({
                        kind: "violation",
                        resource: carrier.resource,
                        message: `${opening}: ${(0, reachability_1.describePath)(path)}.${because} Fix: ${fix}`,
                        rule: path.rule,
                        peer: path.sourceLabel,
                        edge: (0, reachability_1.edgeOf)(path),
                    });
                }
                else {
                    findings.push({
                        kind: "unverifiable",
                        resource: carrier.resource,
                        message: `${who} may be reachable from ${from}, if the security group id that is not known yet turns out to be "${path.group.label}" (one of the candidates that fed the property): ${(0, reachability_1.describePath)(path)}. Fix if so: ${fix}`,
                        rule: path.rule,
                        peer: path.sourceLabel,
                        edge: (0, reachability_1.edgeOf)(path),
                    });
                }
            }
        }
        return findings;
    },
};
