/** Runs component code under the same preview emulation `tierguard check` uses, and reads back what it created. */
import { CaptureResult, CapturedResource, Mode, captureProgram } from "./mockCapture";
import { REPO_ROOT } from "../repoRoot";

export const ROOT = REPO_ROOT;

export async function run(build: () => void, mode: Mode = "update"): Promise<CaptureResult> {
    // The SDK takes a stack trace for every promise it tracks; under jest's source-mapped stack
    // traces that makes a run about eight times slower, and no test reads those traces.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return await captureProgram({ programDir: ROOT, run: () => void build(), project: "components", stack: "test", mode });
    } finally {
        Error.stackTraceLimit = limit;
    }
}

const SG = "aws:ec2/securityGroup:SecurityGroup";

/** Each rule as one line: "<tier> ingress tcp 443 from <peer>: <description>", peers by tier name where they are groups. */
export function ruleLines(capture: CaptureResult, component: string): string[] {
    const tierById = new Map<string, string>();
    for (const r of capture.resources) if (r.type === SG && r.id) tierById.set(r.id, r.name.slice(component.length + 1));
    const lines: string[] = [];
    for (const r of capture.resources) {
        const direction =
            r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
                ? "ingress"
                : r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
                  ? "egress"
                  : undefined;
        if (!direction) continue;
        const i = r.inputs as Record<string, string | number | undefined>;
        const peer = i.referencedSecurityGroupId ? `sg:${tierById.get(String(i.referencedSecurityGroupId))}` : (i.cidrIpv4 ?? i.cidrIpv6);
        const ports = i.ipProtocol === "-1" ? "all" : i.fromPort === i.toPort ? `${i.fromPort}` : `${i.fromPort}-${i.toPort}`;
        lines.push(
            `${tierById.get(String(i.securityGroupId))} ${direction} ${i.ipProtocol} ${ports} ${direction === "ingress" ? "from" : "to"} ${peer}: ${i.description}`,
        );
    }
    return lines.sort();
}

export function byType(capture: CaptureResult, type: string): CapturedResource[] {
    return capture.resources.filter((r) => r.type === type);
}
