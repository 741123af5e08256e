import { ConfigValues, integerKey } from "../../kit/config";
import { Finding, PolicyDefinition } from "../../kit/define";
import { isUnresolved } from "../../model/unresolved";
import { opensEveryPort } from "../../model/protocol";
import { portCount, portsOf } from "../../model/ports";
import { describeRule, peersLabel } from "../../model/rule";
import { SECURITY_GROUP_TYPES } from "../../adapters";
import { rulesInDirection, unreadableFindings, unverifiable } from "../ruleFindings";

const config = {
    maxPorts: integerKey("The most ports one ingress rule may open to a peer other than the group itself.", 100, 1, 65536),
};

const FIX = "open only the ports the service listens on (one rule per port or a small range); traffic between members of one group can use self.";

export const noWideIngressPortRanges: PolicyDefinition<typeof config> = {
    name: "no-wide-ingress-port-ranges",
    description: "An ingress rule opens at most maxPorts ports (default 100) to any peer other than the group itself (self).",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "Split wide rules into the ports the service actually uses. Wide ranges expose every service that happens to listen on the host, now and later.",
    tags: ["network", "security-group", "least-privilege"],
    config,
    appliesTo: SECURITY_GROUP_TYPES,
    check(resource, cfg: ConfigValues<typeof config>): Finding[] {
        const findings = unreadableFindings(resource, "ingress", `that no ingress rule opens more than ${cfg.maxPorts} ports`);
        for (const rule of rulesInDirection(resource, "ingress")) {
            const others = rule.peers.filter((peer) => peer.kind !== "self");
            if (others.length === 0) continue;
            const protocol = rule.protocol;
            if (isUnresolved(protocol)) {
                findings.push(unverifiable(rule, `that it opens at most ${cfg.maxPorts} ports`, protocol, `Fix if it opens more: ${FIX}`));
                continue;
            }
            if (protocol.kind === "icmp" || protocol.kind === "icmpv6") continue;
            if (!opensEveryPort(protocol) && isUnresolved(rule.ports)) {
                findings.push(unverifiable(rule, `that it opens at most ${cfg.maxPorts} ports`, rule.ports, `Fix if it opens more: ${FIX}`));
                continue;
            }
            const count = opensEveryPort(protocol) || isUnresolved(rule.ports) ? 65536 : portCount(portsOf(rule.ports));
            if (count > cfg.maxPorts) {
                findings.push({
                    kind: "violation",
                    message: `${describeRule(rule, others)}: opens ${count} ports, more than the ${cfg.maxPorts} allowed for one rule. Fix: ${FIX}`,
                    rule,
                    peer: peersLabel(others),
                });
            }
        }
        return findings;
    },
};
