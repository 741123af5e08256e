import { ConfigValues, cidrsKey, portsKey } from "../../kit/config";
import { Finding, PolicyDefinition } from "../../kit/define";
import { cidrContains } from "../../model/addresses";
import { all, opensAnyPort } from "../../model/exposure";
import { Unresolved } from "../../model/unresolved";
import { Peer, describeRule, peersLabel } from "../../model/rule";
import { SECURITY_GROUP_TYPES } from "../../adapters";
import { namePorts } from "../../model/sensitivePorts";
import { rulesInDirection, unreadableFindings, unverifiable } from "../ruleFindings";
import { DATABASE_PORTS, DEFAULT_DATABASE_PORTS } from "../../model/sensitivePorts";

const config = {
    ports: portsKey('The database ports (numbers or "from-to" ranges).', DEFAULT_DATABASE_PORTS),
    allowedCidrs: cidrsKey("CIDRs that may reach database ports directly (e.g. a VPN range); a peer inside one of them passes."),
};

const FIX =
    "reference the security group of the tier that uses the database (or a managed prefix list) as the source, instead of an address range; if a range is really needed (e.g. a VPN), add it to this policy's allowedCidrs.";

export const databaseIngressFromSecurityGroupsOnly: PolicyDefinition<typeof config> = {
    name: "database-ingress-from-security-groups-only",
    description: "Ingress on a database port must come from a security group (or a prefix list), not from a CIDR, private ranges included.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "Use security-group references between tiers: the database group allows its port only from the app (or web) tier's security group. Address ranges drift (subnets grow, new workloads land in them) and let every host in the range reach the database.",
    tags: ["network", "security-group", "database", "three-tier"],
    config,
    appliesTo: SECURITY_GROUP_TYPES,
    check(resource, cfg: ConfigValues<typeof config>): Finding[] {
        const findings = unreadableFindings(resource, "ingress", "that database ports are reached only from security groups");
        for (const rule of rulesInDirection(resource, "ingress")) {
            const ports = opensAnyPort(rule, cfg.ports);
            if (ports.verdict === "no") continue;
            const cidrPeers: Peer[] = [];
            let doubt: Unresolved | undefined;
            for (const peer of rule.peers) {
                if (peer.kind === "cidr" && !cfg.allowedCidrs.some((allowed) => cidrContains(allowed, peer.cidr))) cidrPeers.push(peer);
                if (peer.kind !== "unresolved") continue;
                // A CIDR whose value is unknown is a CIDR all the same, unless an allow-list makes the value matter.
                if (!peer.anyKind && peer.unresolved.kind === "unknown" && cfg.allowedCidrs.length === 0) cidrPeers.push(peer);
                else doubt = doubt ?? peer.unresolved;
            }
            const verdict = all(ports.verdict, cidrPeers.length > 0 ? "yes" : doubt ? "maybe" : "no");
            if (verdict === "yes") {
                findings.push({
                    kind: "violation",
                    message:
                        `${describeRule(rule, cidrPeers)}: ${namePorts(ports.overlap, DATABASE_PORTS)} reachable from an address range rather than a security group. ` +
                        `Every host that ever gets an address in the range can reach the database. Fix: ${FIX}`,
                    rule,
                    peer: peersLabel(cidrPeers),
                });
            } else if (verdict === "maybe") {
                findings.push(
                    unverifiable(rule, "that database ports are reached only from security groups", ports.unresolved ?? doubt, `Fix if they are not: ${FIX}`),
                );
            }
        }
        return findings;
    },
};
