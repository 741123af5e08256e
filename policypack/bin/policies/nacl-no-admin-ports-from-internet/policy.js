"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.naclNoAdminPortsFromInternet = void 0;
const naclExposure_1 = require("../../model/naclExposure");
const rule_1 = require("../../model/rule");
const unresolved_1 = require("../../model/unresolved");
const adapters_1 = require("../../adapters");
const ruleFindings_1 = require("../ruleFindings");
const internetSensitivePorts_1 = require("../internetSensitivePorts");
const sensitivePorts_1 = require("../../model/sensitivePorts");
const config = (0, internetSensitivePorts_1.sensitivePortsConfig)("admin", sensitivePorts_1.DEFAULT_ADMIN_PORTS);
const FIX = "add deny entries for the admin ports from 0.0.0.0/0 and ::/0 with a lower rule number than the allow, or narrow the allow to your admin addresses (e.g. 203.0.113.10/32); better, use SSM Session Manager and open no admin port.";
exports.naclNoAdminPortsFromInternet = {
    name: "nacl-no-admin-ports-from-internet",
    description: "A network ACL must not let the internet reach an admin port: the first matching inbound entry (in rule-number order) for internet traffic to an admin port must not allow it.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "NACLs are evaluated in rule-number order and the first match wins. Put explicit deny entries for admin ports (22, 3389, ...) from 0.0.0.0/0 and ::/0 before any broad allow, or allow admin ports only from named addresses.",
    tags: ["network", "network-acl", "admin-access", "internet-exposure"],
    config,
    appliesTo: adapters_1.NETWORK_ACL_TYPES,
    check(resource, cfg) {
        const findings = (0, ruleFindings_1.unreadableFindings)(resource, "ingress", "that no admin port is open to the internet");
        // Inline entries are judged together in rule-number order; a standalone entry is the only entry its resource has.
        for (const exposure of (0, naclExposure_1.naclInternetExposure)((0, ruleFindings_1.rulesInDirection)(resource, "ingress"), cfg.ports, cfg)) {
            const traffic = (0, naclExposure_1.describeTraffic)(exposure.traffic).join(", ");
            if (exposure.verdict === "yes") {
                findings.push({
                    kind: "violation",
                    message: `${(0, rule_1.describeRule)(exposure.entry)}: lets the internet reach admin ports (${traffic}): ${exposure.reason}. ` +
                        `Subnet traffic that this entry allows reaches every instance whose security group allows it. Fix: ${FIX}`,
                    rule: exposure.entry,
                    peer: (0, rule_1.peersLabel)(exposure.entry.peers),
                });
            }
            else {
                const why = exposure.unresolved ? (0, unresolved_1.describeUnresolved)(exposure.unresolved) : exposure.reason;
                findings.push({
                    kind: "unverifiable",
                    message: `${(0, rule_1.describeRule)(exposure.entry)}: cannot verify that it does not let the internet reach admin ports (${traffic}), because ${why}. Fix if it does: ${FIX}`,
                    rule: exposure.entry,
                    peer: (0, rule_1.peersLabel)(exposure.entry.peers),
                });
            }
        }
        return findings;
    },
};
