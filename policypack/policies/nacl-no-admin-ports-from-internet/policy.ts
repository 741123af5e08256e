import { ConfigValues } from "../../kit/config";
import { Finding, PolicyDefinition } from "../../kit/define";
import { describeTraffic, naclInternetExposure } from "../../model/naclExposure";
import { describeRule, peersLabel } from "../../model/rule";
import { describeUnresolved } from "../../model/unresolved";
import { NETWORK_ACL_TYPES } from "../../adapters";
import { rulesInDirection, unreadableFindings } from "../ruleFindings";
import { sensitivePortsConfig } from "../internetSensitivePorts";
import { DEFAULT_ADMIN_PORTS } from "../../model/sensitivePorts";

const config = sensitivePortsConfig("admin", DEFAULT_ADMIN_PORTS);

const FIX =
    "add deny entries for the admin ports from 0.0.0.0/0 and ::/0 with a lower rule number than the allow, or narrow the allow to your admin addresses (e.g. 203.0.113.10/32); better, use SSM Session Manager and open no admin port.";

export const naclNoAdminPortsFromInternet: PolicyDefinition<typeof config> = {
    name: "nacl-no-admin-ports-from-internet",
    description:
        "A network ACL must not let the internet reach an admin port: the first matching inbound entry (in rule-number order) for internet traffic to an admin port must not allow it.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "NACLs are evaluated in rule-number order and the first match wins. Put explicit deny entries for admin ports (22, 3389, ...) from 0.0.0.0/0 and ::/0 before any broad allow, or allow admin ports only from named addresses.",
    tags: ["network", "network-acl", "admin-access", "internet-exposure"],
    config,
    appliesTo: NETWORK_ACL_TYPES,
    check(resource, cfg: ConfigValues<typeof config>): Finding[] {
        const findings = unreadableFindings(resource, "ingress", "that no admin port is open to the internet");
        // Inline entries are judged together in rule-number order; a standalone entry is the only entry its resource has.
        for (const exposure of naclInternetExposure(rulesInDirection(resource, "ingress"), cfg.ports, cfg)) {
            const traffic = describeTraffic(exposure.traffic).join(", ");
            if (exposure.verdict === "yes") {
                findings.push({
                    kind: "violation",
                    message:
                        `${describeRule(exposure.entry)}: lets the internet reach admin ports (${traffic}): ${exposure.reason}. ` +
                        `Subnet traffic that this entry allows reaches every instance whose security group allows it. Fix: ${FIX}`,
                    rule: exposure.entry,
                    peer: peersLabel(exposure.entry.peers),
                });
            } else {
                const why = exposure.unresolved ? describeUnresolved(exposure.unresolved) : exposure.reason;
                findings.push({
                    kind: "unverifiable",
                    message: `${describeRule(exposure.entry)}: cannot verify that it does not let the internet reach admin ports (${traffic}), because ${why}. Fix if it does: ${FIX}`,
                    rule: exposure.entry,
                    peer: peersLabel(exposure.entry.peers),
                });
            }
        }
        return findings;
    },
};
