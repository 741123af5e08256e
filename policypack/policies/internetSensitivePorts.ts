/**
 * The shared shape of `no-admin-ports-from-internet` and `no-database-ports-from-internet`: ingress
 * from the internet whose ports include a sensitive port (TCP, UDP, or a rule opening every port).
 */
import { ConfigValues, internetKeys, portsKey } from "../kit/config";
import { Finding, PolicyDefinition } from "../kit/define";
import { all, internetExposure, opensAnyPort } from "../model/exposure";
import { describeRule, peersLabel } from "../model/rule";
import { SECURITY_GROUP_TYPES } from "../adapters";
import { namePorts } from "../model/sensitivePorts";
import { rulesInDirection, unreadableFindings, unverifiable } from "./ruleFindings";

export interface SensitivePortsSpec {
    name: string;
    description: string;
    /** "admin" or "database": the words messages use. */
    kind: string;
    defaults: readonly number[];
    portNames: Record<number, string>;
    why: string;
    fix: string;
    remediationSteps: string;
    tags: string[];
}

export function sensitivePortsConfig(kind: string, defaults: readonly number[]) {
    return { ports: portsKey(`The ${kind} ports (numbers or "from-to" ranges).`, defaults), ...internetKeys };
}

export function internetSensitivePortsPolicy(spec: SensitivePortsSpec): PolicyDefinition<ReturnType<typeof sensitivePortsConfig>> {
    const config = sensitivePortsConfig(spec.kind, spec.defaults);
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: "mandatory",
        severity: "critical",
        remediationSteps: spec.remediationSteps,
        tags: spec.tags,
        config,
        appliesTo: SECURITY_GROUP_TYPES,
        check(resource, cfg: ConfigValues<typeof config>): Finding[] {
            const findings = unreadableFindings(resource, "ingress", `that no ${spec.kind} port is open to the internet`);
            for (const rule of rulesInDirection(resource, "ingress")) {
                const exposure = internetExposure(rule, cfg);
                const ports = opensAnyPort(rule, cfg.ports);
                const verdict = all(exposure.verdict, ports.verdict);
                if (verdict === "yes") {
                    const peers = exposure.internet.map((i) => i.peer);
                    const reason = exposure.internet[0].reason;
                    findings.push({
                        kind: "violation",
                        message:
                            `${describeRule(rule, peers)}: ${namePorts(ports.overlap, spec.portNames)} open to the internet (${reason}). ` +
                            `${spec.why} Fix: ${spec.fix}`,
                        rule,
                        peer: peersLabel(peers),
                    });
                } else if (verdict === "maybe") {
                    findings.push(
                        unverifiable(
                            rule,
                            `that it opens no ${spec.kind} port to the internet`,
                            exposure.unresolved[0] ?? ports.unresolved,
                            `Fix if it does: ${spec.fix}`,
                        ),
                    );
                }
            }
            return findings;
        },
    };
}
