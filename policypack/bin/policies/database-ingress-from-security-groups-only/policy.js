"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.databaseIngressFromSecurityGroupsOnly = void 0;
const config_1 = require("../../kit/config");
const addresses_1 = require("../../model/addresses");
const exposure_1 = require("../../model/exposure");
const rule_1 = require("../../model/rule");
const adapters_1 = require("../../adapters");
const sensitivePorts_1 = require("../../model/sensitivePorts");
const ruleFindings_1 = require("../ruleFindings");
const sensitivePorts_2 = require("../../model/sensitivePorts");
const config = {
    ports: (0, config_1.portsKey)('The database ports (numbers or "from-to" ranges).', sensitivePorts_2.DEFAULT_DATABASE_PORTS),
    allowedCidrs: (0, config_1.cidrsKey)("CIDRs that may reach database ports directly (e.g. a VPN range); a peer inside one of them passes."),
};
const FIX = "reference the security group of the tier that uses the database (or a managed prefix list) as the source, instead of an address range; if a range is really needed (e.g. a VPN), add it to this policy's allowedCidrs.";
exports.databaseIngressFromSecurityGroupsOnly = {
    name: "database-ingress-from-security-groups-only",
    description: "Ingress on a database port must come from a security group (or a prefix list), not from a CIDR, private ranges included.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Use security-group references between tiers: the database group allows its port only from the app (or web) tier's security group. Address ranges drift (subnets grow, new workloads land in them) and let every host in the range reach the database.",
    tags: ["network", "security-group", "database", "three-tier"],
    config,
    appliesTo: adapters_1.SECURITY_GROUP_TYPES,
    check(resource, cfg) {
        const findings = (0, ruleFindings_1.unreadableFindings)(resource, "ingress", "that database ports are reached only from security groups");
        for (const rule of (0, ruleFindings_1.rulesInDirection)(resource, "ingress")) {
            const ports = (0, exposure_1.opensAnyPort)(rule, cfg.ports);
            if (ports.verdict === "no")
                continue;
            const cidrPeers = [];
            let doubt;
            for (const peer of rule.peers) {
                if (peer.kind === "cidr" && !cfg.allowedCidrs.some((allowed) => (0, addresses_1.cidrContains)(allowed, peer.cidr)))
                    cidrPeers.push(peer);
                if (peer.kind !== "unresolved")
                    continue;
                // A CIDR whose value is unknown is a CIDR all the same, unless an allow-list makes the value matter.
                if (!peer.anyKind && peer.unresolved.kind === "unknown" && cfg.allowedCidrs.length === 0)
                    cidrPeers.push(peer);
                else
                    doubt = doubt ?? peer.unresolved;
            }
            const verdict = (0, exposure_1.all)(ports.verdict, cidrPeers.length > 0 ? "yes" : doubt ? "maybe" : "no");
            if (verdict === "yes") {
                findings.push({
                    kind: "violation",
                    message: `${(0, rule_1.describeRule)(rule, cidrPeers)}: ${(0, sensitivePorts_1.namePorts)(ports.overlap, sensitivePorts_2.DATABASE_PORTS)} reachable from an address range rather than a security group. ` +
                        `Every host that ever gets an address in the range can reach the database. Fix: ${FIX}`,
                    rule,
                    peer: (0, rule_1.peersLabel)(cidrPeers),
                });
            }
            else if (verdict === "maybe") {
                findings.push((0, ruleFindings_1.unverifiable)(rule, "that database ports are reached only from security groups", ports.unresolved ?? doubt, `Fix if they are not: ${FIX}`));
            }
        }
        return findings;
    },
};
