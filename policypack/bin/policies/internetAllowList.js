"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INTERNET_INGRESS_DEFAULTS = void 0;
exports.allowListConfig = allowListConfig;
exports.internetAllowListPolicy = internetAllowListPolicy;
/**
 * The shared shape of `internet-ingress-only-on-allowed-ports` (ingress) and `no-unrestricted-egress`
 * (egress): traffic to or from the internet must stay within an allow-list of TCP/UDP ports and
 * ICMP types; a rule opening every protocol or every port always fails.
 */
const config_1 = require("../kit/config");
const exposure_1 = require("../model/exposure");
const rule_1 = require("../model/rule");
const unresolved_1 = require("../model/unresolved");
const adapters_1 = require("../adapters");
const ruleFindings_1 = require("./ruleFindings");
/** What the internet may reach by default: HTTPS on TCP 443, HTTP on TCP 80 (redirects), QUIC on UDP 443. */
exports.INTERNET_INGRESS_DEFAULTS = { tcpDefaults: [80, 443], udpDefaults: [443] };
/** The allow-list keys, shared with internet-exposure so the two can never disagree on what is allowed. */
function allowListConfig(spec) {
    const toFrom = spec.direction === "ingress" ? "from" : "to";
    return {
        allowedTcpPorts: (0, config_1.portsKey)(`TCP ports allowed ${toFrom} the internet.`, spec.tcpDefaults),
        allowedUdpPorts: (0, config_1.portsKey)(`UDP ports allowed ${toFrom} the internet.`, spec.udpDefaults),
        allowedIcmpTypes: (0, config_1.icmpTypesKey)(`ICMP types allowed ${toFrom} the internet.`),
        allowedIcmpv6Types: (0, config_1.icmpTypesKey)(`ICMPv6 types allowed ${toFrom} the internet.`),
        ...config_1.internetKeys,
    };
}
function internetAllowListPolicy(spec) {
    const config = allowListConfig(spec);
    const toFrom = spec.direction === "ingress" ? "from" : "to";
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel,
        severity: spec.severity,
        remediationSteps: spec.remediationSteps,
        tags: spec.tags,
        config,
        appliesTo: adapters_1.SECURITY_GROUP_TYPES,
        check(resource, cfg) {
            const allow = { tcp: cfg.allowedTcpPorts, udp: cfg.allowedUdpPorts, icmpTypes: cfg.allowedIcmpTypes, icmpv6Types: cfg.allowedIcmpv6Types };
            const findings = (0, ruleFindings_1.unreadableFindings)(resource, spec.direction, `that ${spec.direction} ${toFrom} the internet stays on allowed ports`);
            for (const rule of (0, ruleFindings_1.rulesInDirection)(resource, spec.direction)) {
                const exposure = (0, exposure_1.internetExposure)(rule, cfg);
                const beyond = (0, exposure_1.beyondAllowList)(rule, allow);
                const verdict = (0, exposure_1.all)(exposure.verdict, beyond.verdict);
                if (verdict === "yes") {
                    const peers = exposure.internet.map((i) => i.peer);
                    const isAllowAll = !(0, unresolved_1.isUnresolved)(rule.protocol) && rule.protocol.kind === "all";
                    const head = rule.implicit ? `${(0, rule_1.ruleLocation)(rule)}: ${rule.implicit}` : (0, rule_1.describeRule)(rule, peers);
                    const what = isAllowAll
                        ? `allow-all ${spec.direction} (every protocol and port ${toFrom} ${exposure.internet[0].reason}). ${spec.allowAllNote}`
                        : `${beyond.outside} is open ${toFrom} the internet (${exposure.internet[0].reason}), outside the allowed ${describeAllowed(cfg)}.`;
                    findings.push({ kind: "violation", message: `${head}: ${what} ${spec.why} Fix: ${spec.fix}`, rule, peer: (0, rule_1.peersLabel)(peers) });
                }
                else if (verdict === "maybe") {
                    findings.push((0, ruleFindings_1.unverifiable)(rule, `that it stays within the allowed ports ${toFrom} the internet`, exposure.unresolved[0] ?? beyond.unresolved, `Fix if it does not: ${spec.fix}`));
                }
            }
            return findings;
        },
    };
}
function describeAllowed(cfg) {
    const list = (set) => (set.length ? set.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(", ") : "none");
    const parts = [`TCP ${list(cfg.allowedTcpPorts)}`, `UDP ${list(cfg.allowedUdpPorts)}`];
    if (cfg.allowedIcmpTypes.length)
        parts.push(`ICMP types ${cfg.allowedIcmpTypes.join(", ")}`);
    if (cfg.allowedIcmpv6Types.length)
        parts.push(`ICMPv6 types ${cfg.allowedIcmpv6Types.join(", ")}`);
    return `ports (${parts.join("; ")})`;
}
