/**
 * Reads component arguments with the pack's own model — its CIDR parser, its port reader, its
 * definition of the internet and of admin and database ports — and judges each planned rule with the
 * pack's own exposure functions, so a component never builds what the pack refuses. Every problem
 * names the argument and its value; all problems are reported together.
 */
import * as pulumi from "@pulumi/pulumi";
import { Cidr, DEFAULT_INTERNET_OPTIONS, internetCidrsOf, parseCidr } from "../policypack/model/addresses";
import { all, internetExposure, opensAnyPort } from "../policypack/model/exposure";
import { PortSpec, parsePortSpec, portSet } from "../policypack/model/ports";
import { Protocol, parseProtocol } from "../policypack/model/protocol";
import { Rule } from "../policypack/model/rule";
import { ADMIN_PORTS, DATABASE_PORTS, namePorts } from "../policypack/model/sensitivePorts";
import { isUnresolved } from "../policypack/model/unresolved";

export class ComponentArgumentError extends Error {
    constructor(
        readonly component: string,
        readonly problems: string[],
    ) {
        super(`${component}: invalid arguments:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "ComponentArgumentError";
    }
}

/** Collects problems while arguments are read, then throws them all at once. */
export class Problems {
    readonly list: string[] = [];
    add(problem: string): void {
        this.list.push(problem);
    }
    throwIfAny(component: string): void {
        if (this.list.length > 0) throw new ComponentArgumentError(component, this.list);
    }
}

/** The problems of a component's arguments, starting with the one that stops everything: arguments that are no object. */
export function argumentProblems(component: string, args: unknown): Problems {
    const problems = new Problems();
    if (!args || typeof args !== "object") {
        problems.add(`arguments = ${show(args)} must be an object`);
        problems.throwIfAny(component);
    }
    return problems;
}

export function show(value: unknown): string {
    if (pulumi.Output.isInstance(value)) return "<Output>";
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return String(value);
    }
}

export type FlowProtocol = "tcp" | "udp" | "icmp" | "icmpv6" | "-1";
export const PROTOCOLS: readonly FlowProtocol[] = ["tcp", "udp", "icmp", "icmpv6", "-1"];

/** A flow's protocol and ports: as the rule resource takes the protocol, and as the pack's model reads both. */
export interface FlowPorts {
    ipProtocol: FlowProtocol;
    protocol: Protocol;
    ports: PortSpec;
}

const isWhole = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);
const isFlowProtocol = (p: unknown): p is FlowProtocol => typeof p === "string" && (PROTOCOLS as readonly string[]).includes(p);

/**
 * The `ports` argument as the rule's fromPort and toPort: TCP/UDP take a port or [from, to]; ICMP takes a
 * type or [type, code] (omitted: every type); protocol "-1" takes none (or a spelling of "every port").
 * Only the shape is checked here; what the numbers mean is the model's to read (see readPorts).
 */
function portFieldsOf(ipProtocol: FlowProtocol, ports: unknown, where: string, problems: Problems): [number, number] | "every port" | undefined {
    if (ipProtocol === "-1") {
        // Spellings of "every port" (Terraform's 0/0, AWS's -1) are fine; a real port would be a misunderstanding.
        const everyPort = (a: unknown, b: unknown) => (a === 0 && (b === 0 || b === 65535)) || (a === -1 && b === -1);
        const pair = typeof ports === "number" ? [ports, ports] : Array.isArray(ports) ? ports : [];
        if (ports === undefined || (pair.length === 2 && everyPort(pair[0], pair[1]))) return "every port";
        problems.add(`${where}.ports = ${show(ports)}: protocol "-1" opens every protocol and port, so it takes no ports (omit them)`);
        return undefined;
    }
    const pair = typeof ports === "number" ? [ports, ports] : Array.isArray(ports) && ports.length === 2 ? ports : undefined;
    if (ipProtocol === "icmp" || ipProtocol === "icmpv6") {
        if (ports === undefined) return [-1, -1];
        const [type, code] = typeof ports === "number" ? [ports, -1] : (pair ?? []);
        if (isWhole(type) && isWhole(code)) return [type, code];
        problems.add(`${where}.ports = ${show(ports)} is not an ICMP type or [type, code] (0-255, -1 for all)`);
        return undefined;
    }
    if (!pair || !isWhole(pair[0]) || !isWhole(pair[1])) {
        problems.add(`${where}.ports = ${show(ports)} is not a port or a [from, to] range of whole numbers`);
        return undefined;
    }
    // AWS reads -1 as "every port"; a flow says so explicitly, so a stray -1 never opens everything.
    if (pair[0] === -1 || pair[1] === -1) {
        problems.add(`${where}.ports = ${show(ports)} is outside 0-65535 (every port is written [0, 65535])`);
        return undefined;
    }
    return [pair[0], pair[1]];
}

/** Reads a flow's protocol and ports with the pack's own port reader; undefined (and a problem) when they are not valid. */
export function readPorts(ipProtocol: unknown, ports: unknown, where: string, problems: Problems): FlowPorts | undefined {
    if (!isFlowProtocol(ipProtocol)) {
        problems.add(`${where}.protocol = ${show(ipProtocol)} is not one of ${PROTOCOLS.map((p) => `"${p}"`).join(", ")}`);
        return undefined;
    }
    const protocol = parseProtocol(ipProtocol, `${where}.protocol`);
    const fields = portFieldsOf(ipProtocol, ports, where, problems);
    if (fields === undefined || isUnresolved(protocol)) return undefined;
    const [from, to] = fields === "every port" ? [undefined, undefined] : fields;
    const spec = parsePortSpec(protocol, from, to, `${where}.ports`, `${where}.ports`);
    if (isUnresolved(spec)) {
        problems.add(`${where}.ports = ${show(ports)} is ${spec.kind === "malformed" ? spec.reason : "not known"}`);
        return undefined;
    }
    return { ipProtocol, protocol, ports: spec };
}

/** fromPort and toPort as the rule resource takes them (none for protocol "-1"). */
export function portFields(flow: FlowPorts): { fromPort?: number; toPort?: number } {
    switch (flow.ports.kind) {
        case "all":
            return flow.ipProtocol === "-1" ? {} : { fromPort: 0, toPort: 65535 };
        case "range":
            return { fromPort: flow.ports.from, toPort: flow.ports.to };
        case "icmp":
            return { fromPort: flow.ports.type ?? -1, toPort: flow.ports.code ?? -1 };
    }
}

/** A CIDR argument: plain text (validated now) or a Pulumi Output (validated when it resolves). */
export type CidrInput = string | pulumi.Output<string>;

export function readCidr(value: unknown, where: string, problems: Problems): Cidr | pulumi.Output<string> | undefined {
    if (pulumi.Output.isInstance(value)) return value as pulumi.Output<string>;
    const parsed = typeof value === "string" ? parseCidr(value) : "not a string";
    if (typeof parsed === "string") {
        problems.add(`${where} = ${show(value)} is not a CIDR: ${parsed}`);
        return undefined;
    }
    return parsed;
}

/** Which of the CIDRs are the internet, by the pack's definition (each alone, or together covering a family). */
export function internetCidrs(cidrs: Cidr[]): Cidr[] {
    return internetCidrsOf(cidrs).map((c) => c.cidr);
}

const SENSITIVE_NAMES: Readonly<Record<number, string>> = { ...DATABASE_PORTS, ...ADMIN_PORTS };
const SENSITIVE_PORTS = portSet(Object.keys(SENSITIVE_NAMES).map((port) => [Number(port), Number(port)] as const));

/** A planned ingress rule from these CIDRs, as the pack's model would read it from the resource. */
function plannedIngress(flow: FlowPorts, cidrs: Cidr[], where: string): Rule {
    return {
        direction: "ingress",
        action: "allow",
        protocol: flow.protocol,
        ports: flow.ports,
        peers: cidrs.map((cidr) => ({ kind: "cidr", cidr, property: where })),
        description: undefined,
        origin: { urn: "", resourceName: where, resourceType: "", path: where },
    };
}

/**
 * The refusal for an ingress flow from these CIDRs, if it would open admin or database ports to the
 * internet: judged as the pack judges the rule it becomes (internet exposure and sensitive ports).
 */
export function internetRefusal(flow: FlowPorts, cidrs: Cidr[], where: string): string | undefined {
    const rule = plannedIngress(flow, cidrs, where);
    const exposure = internetExposure(rule, DEFAULT_INTERNET_OPTIONS);
    const opened = opensAnyPort(rule, SENSITIVE_PORTS);
    if (all(exposure.verdict, opened.verdict) !== "yes") return undefined;
    const internet = exposure.internet.map(({ peer }) => (peer.kind === "cidr" ? peer.cidr.text : "")).join(", ");
    return (
        `${where} would open ${namePorts(opened.overlap, SENSITIVE_NAMES)} to the internet (${internet}): admin and database ports are never opened ` +
        `to the internet. Allow admin access from named addresses (e.g. 203.0.113.10/32) and database access from a tier's security group.`
    );
}

/** Every rule is described: the pack asks for it, and reviewers need it. */
export function readDescription(value: unknown, where: string, problems: Problems): string | undefined {
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    problems.add(`${where}.description = ${show(value)}: every rule needs a description saying why it exists`);
    return undefined;
}
