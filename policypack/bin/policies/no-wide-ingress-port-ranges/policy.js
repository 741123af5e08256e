"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noWideIngressPortRanges = void 0;
const config_1 = require("../../kit/config");
const unresolved_1 = require("../../model/unresolved");
const protocol_1 = require("../../model/protocol");
const ports_1 = require("../../model/ports");
const rule_1 = require("../../model/rule");
const adapters_1 = require("../../adapters");
const ruleFindings_1 = require("../ruleFindings");
const config = {
    maxPorts: (0, config_1.integerKey)("The most ports one ingress rule may open to a peer other than the group itself.", 100, 1, 65536),
};
const FIX = "open only the ports the service listens on (one rule per port or a small range); traffic between members of one group can use self.";
exports.noWideIngressPortRanges = {
    name: "no-wide-ingress-port-ranges",
    description: "An ingress rule opens at most maxPorts ports (default 100) to any peer other than the group itself (self).",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Split wide rules into the ports the service actually uses. Wide ranges expose every service that happens to listen on the host, now and later.",
    tags: ["network", "security-group", "least-privilege"],
    config,
    appliesTo: adapters_1.SECURITY_GROUP_TYPES,
    check(resource, cfg) {
        const findings = (0, ruleFindings_1.unreadableFindings)(resource, "ingress", `that no ingress rule opens more than ${cfg.maxPorts} ports`);
        for (const rule of (0, ruleFindings_1.rulesInDirection)(resource, "ingress")) {
            const others = rule.peers.filter((peer) => peer.kind !== "self");
            if (others.length === 0)
                continue;
            const protocol = rule.protocol;
            if ((0, unresolved_1.isUnresolved)(protocol)) {
                findings.push((0, ruleFindings_1.unverifiable)(rule, `that it opens at most ${cfg.maxPorts} ports`, protocol, `Fix if it opens more: ${FIX}`));
                continue;
            }
            if (protocol.kind === "icmp" || protocol.kind === "icmpv6")
                continue;
            if (!(0, protocol_1.opensEveryPort)(protocol) && (0, unresolved_1.isUnresolved)(rule.ports)) {
                findings.push((0, ruleFindings_1.unverifiable)(rule, `that it opens at most ${cfg.maxPorts} ports`, rule.ports, `Fix if it opens more: ${FIX}`));
                continue;
            }
            const count = (0, protocol_1.opensEveryPort)(protocol) || (0, unresolved_1.isUnresolved)(rule.ports) ? 65536 : (0, ports_1.portCount)((0, ports_1.portsOf)(rule.ports));
            if (count > cfg.maxPorts) {
                findings.push({
                    kind: "violation",
                    message: `${(0, rule_1.describeRule)(rule, others)}: opens ${count} ports, more than the ${cfg.maxPorts} allowed for one rule. Fix: ${FIX}`,
                    rule,
                    peer: (0, rule_1.peersLabel)(others),
                });
            }
        }
        return findings;
    },
};
