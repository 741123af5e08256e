/**
 * The shared shape of `internet-ingress-only-on-allowed-ports` (ingress) and `no-unrestricted-egress`
 * (egress): traffic to or from the internet must stay within an allow-list of TCP/UDP ports and
 * ICMP types; a rule opening every protocol or every port always fails.
 */
import { ConfigValues, icmpTypesKey, internetKeys, portsKey } from "../kit/config";
import { Finding, PolicyDefinition } from "../kit/define";
import { Severity } from "../model/severity";
import { all, beyondAllowList, internetExposure } from "../model/exposure";
import { Direction, describeRule, peersLabel, ruleLocation } from "../model/rule";
import { isUnresolved } from "../model/unresolved";
import { SECURITY_GROUP_TYPES } from "../adapters";
import { rulesInDirection, unreadableFindings, unverifiable } from "./ruleFindings";

export interface AllowListSpec {
    name: string;
    description: string;
    direction: Direction;
    enforcementLevel: "mandatory" | "advisory";
    severity: Severity;
    tcpDefaults: readonly number[];
    udpDefaults: readonly number[];
    why: string;
    fix: string;
    /** Extra words for the allow-all rule (all protocols to/from the whole internet). */
    allowAllNote: string;
    remediationSteps: string;
    tags: string[];
}

/** What the internet may reach by default: HTTPS on TCP 443, HTTP on TCP 80 (redirects), QUIC on UDP 443. */
export const INTERNET_INGRESS_DEFAULTS = { tcpDefaults: [80, 443], udpDefaults: [443] } as const;

/** The allow-list keys, shared with internet-exposure so the two can never disagree on what is allowed. */
export function allowListConfig(spec: Pick<AllowListSpec, "direction" | "tcpDefaults" | "udpDefaults">) {
    const toFrom = spec.direction === "ingress" ? "from" : "to";
    return {
        allowedTcpPorts: portsKey(`TCP ports allowed ${toFrom} the internet.`, spec.tcpDefaults),
        allowedUdpPorts: portsKey(`UDP ports allowed ${toFrom} the internet.`, spec.udpDefaults),
        allowedIcmpTypes: icmpTypesKey(`ICMP types allowed ${toFrom} the internet.`),
        allowedIcmpv6Types: icmpTypesKey(`ICMPv6 types allowed ${toFrom} the internet.`),
        ...internetKeys,
    };
}

export function internetAllowListPolicy(spec: AllowListSpec): PolicyDefinition<ReturnType<typeof allowListConfig>> {
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
        appliesTo: SECURITY_GROUP_TYPES,
        check(resource, cfg: ConfigValues<typeof config>): Finding[] {
            const allow = { tcp: cfg.allowedTcpPorts, udp: cfg.allowedUdpPorts, icmpTypes: cfg.allowedIcmpTypes, icmpv6Types: cfg.allowedIcmpv6Types };
            const findings = unreadableFindings(resource, spec.direction, `that ${spec.direction} ${toFrom} the internet stays on allowed ports`);
            for (const rule of rulesInDirection(resource, spec.direction)) {
                const exposure = internetExposure(rule, cfg);
                const beyond = beyondAllowList(rule, allow);
                const verdict = all(exposure.verdict, beyond.verdict);
                if (verdict === "yes") {
                    const peers = exposure.internet.map((i) => i.peer);
                    const isAllowAll = !isUnresolved(rule.protocol) && rule.protocol.kind === "all";
                    const head = rule.implicit ? `${ruleLocation(rule)}: ${rule.implicit}` : describeRule(rule, peers);
                    const what = isAllowAll
                        ? `allow-all ${spec.direction} (every protocol and port ${toFrom} ${exposure.internet[0].reason}). ${spec.allowAllNote}`
                        : `${beyond.outside} is open ${toFrom} the internet (${exposure.internet[0].reason}), outside the allowed ${describeAllowed(cfg)}.`;
                    findings.push({ kind: "violation", message: `${head}: ${what} ${spec.why} Fix: ${spec.fix}`, rule, peer: peersLabel(peers) });
                } else if (verdict === "maybe") {
                    findings.push(
                        unverifiable(
                            rule,
                            `that it stays within the allowed ports ${toFrom} the internet`,
                            exposure.unresolved[0] ?? beyond.unresolved,
                            `Fix if it does not: ${spec.fix}`,
                        ),
                    );
                }
            }
            return findings;
        },
    };
}

function describeAllowed(cfg: {
    allowedTcpPorts: readonly (readonly [number, number])[];
    allowedUdpPorts: readonly (readonly [number, number])[];
    allowedIcmpTypes: number[];
    allowedIcmpv6Types: number[];
}): string {
    const list = (set: readonly (readonly [number, number])[]) => (set.length ? set.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(", ") : "none");
    const parts = [`TCP ${list(cfg.allowedTcpPorts)}`, `UDP ${list(cfg.allowedUdpPorts)}`];
    if (cfg.allowedIcmpTypes.length) parts.push(`ICMP types ${cfg.allowedIcmpTypes.join(", ")}`);
    if (cfg.allowedIcmpv6Types.length) parts.push(`ICMPv6 types ${cfg.allowedIcmpv6Types.join(", ")}`);
    return `ports (${parts.join("; ")})`;
}
