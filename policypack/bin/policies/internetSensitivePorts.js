"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sensitivePortsConfig = sensitivePortsConfig;
exports.internetSensitivePortsPolicy = internetSensitivePortsPolicy;
/**
 * The shared shape of `no-admin-ports-from-internet` and `no-database-ports-from-internet`: ingress
 * from the internet whose ports include a sensitive port (TCP, UDP, or a rule opening every port).
 */
const config_1 = require("../kit/config");
const exposure_1 = require("../model/exposure");
const rule_1 = require("../model/rule");
const adapters_1 = require("../adapters");
const sensitivePorts_1 = require("../model/sensitivePorts");
const ruleFindings_1 = require("./ruleFindings");
function sensitivePortsConfig(kind, defaults) {
    return { ports: (0, config_1.portsKey)(`The ${kind} ports (numbers or "from-to" ranges).`, defaults), ...config_1.internetKeys };
}
function internetSensitivePortsPolicy(spec) {
    const config = sensitivePortsConfig(spec.kind, spec.defaults);
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: "mandatory",
        severity: "critical",
        remediationSteps: spec.remediationSteps,
        tags: spec.tags,
        config,
        appliesTo: adapters_1.SECURITY_GROUP_TYPES,
        check(resource, cfg) {
            const findings = (0, ruleFindings_1.unreadableFindings)(resource, "ingress", `that no ${spec.kind} port is open to the internet`);
            for (const rule of (0, ruleFindings_1.rulesInDirection)(resource, "ingress")) {
                const exposure = (0, exposure_1.internetExposure)(rule, cfg);
                const ports = (0, exposure_1.opensAnyPort)(rule, cfg.ports);
                const verdict = (0, exposure_1.all)(exposure.verdict, ports.verdict);
                if (verdict === "yes") {
                    const peers = exposure.internet.map((i) => i.peer);
                    const reason = exposure.internet[0].reason;
                    findings.push({
                        kind: "violation",
                        message: `${(0, rule_1.describeRule)(rule, peers)}: ${(0, sensitivePorts_1.namePorts)(ports.overlap, spec.portNames)} open to the internet (${reason}). ` +
                            `${spec.why} Fix: ${spec.fix}`,
                        rule,
                        peer: (0, rule_1.peersLabel)(peers),
                    });
                }
                else if (verdict === "maybe") {
                    findings.push((0, ruleFindings_1.unverifiable)(rule, `that it opens no ${spec.kind} port to the internet`, exposure.unresolved[0] ?? ports.unresolved, `Fix if it does: ${spec.fix}`));
                }
            }
            return findings;
        },
    };
}
