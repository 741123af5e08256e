/**
 * Checks component arguments with the pack's own model (ipaddr.js CIDRs, the pack's definition of
 * the internet, its admin and database ports), so a component never builds what the pack refuses.
 * Every problem names the argument and its value; all problems are reported together.
 */
import * as pulumi from "@pulumi/pulumi";
import { Cidr, internetCidrsOf, parseCidr } from "../policypack/model/addresses";
import { PortSet, intersectPorts, portSet } from "../policypack/model/ports";
import { ADMIN_PORTS, DATABASE_PORTS } from "../policypack/model/sensitivePorts";

export class ComponentArgumentError extends Error {
    constructor(readonly component: string, readonly problems: string[]) {
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

/** A rule's protocol and ports as AWS takes them (fromPort/toPort absent for "-1"). */
export interface PortSpec {
    protocol: FlowProtocol;
    fromPort?: number;
    toPort?: number;
}

const isWhole = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);

/**
 * Reads `ports` for a protocol: TCP/UDP take a port or [from, to] within 0-65535; ICMP takes a type
 * or [type, code] (-1 for all, or omitted); protocol "-1" opens every port and takes no ports.
 */
export function readPorts(protocol: unknown, ports: unknown, where: string, problems: Problems): PortSpec | undefined {
    if (typeof protocol !== "string" || !(PROTOCOLS as readonly string[]).includes(protocol)) {
        problems.add(`${where}.protocol = ${show(protocol)} is not one of ${PROTOCOLS.map((p) => `"${p}"`).join(", ")}`);
        return undefined;
    }
    const p = protocol as FlowProtocol;
    if (p === "-1") {
        // Spellings of "every port" (Terraform's 0/0, AWS's -1) are fine; a real port would be a misunderstanding.
        const everyPort = (a: unknown, b: unknown) => (a === 0 && (b === 0 || b === 65535)) || (a === -1 && b === -1);
        const pair = typeof ports === "number" ? [ports, ports] : Array.isArray(ports) ? ports : [];
        if (ports !== undefined && !(pair.length === 2 && everyPort(pair[0], pair[1]))) {
            problems.add(`${where}.ports = ${show(ports)}: protocol "-1" opens every protocol and port, so it takes no ports (omit them)`);
            return undefined;
        }
        return { protocol: p };
    }
    const pair = typeof ports === "number" ? [ports, ports] : Array.isArray(ports) && ports.length === 2 ? ports : undefined;
    if (p === "icmp" || p === "icmpv6") {
        if (ports === undefined) return { protocol: p, fromPort: -1, toPort: -1 };
        const [type, code] = typeof ports === "number" ? [ports, -1] : pair ?? [];
        if (!isWhole(type) || !isWhole(code) || type < -1 || type > 255 || code < -1 || code > 255) {
            problems.add(`${where}.ports = ${show(ports)} is not an ICMP type or [type, code] (0-255, -1 for all)`);
            return undefined;
        }
        return { protocol: p, fromPort: type, toPort: code };
    }
    if (!pair || !isWhole(pair[0]) || !isWhole(pair[1])) {
        problems.add(`${where}.ports = ${show(ports)} is not a port or a [from, to] range of whole numbers`);
        return undefined;
    }
    const [from, to] = pair as [number, number];
    if (from < 0 || from > 65535 || to < 0 || to > 65535) {
        problems.add(`${where}.ports = ${show(ports)} is outside 0-65535`);
        return undefined;
    }
    if (from > to) {
        problems.add(`${where}.ports = ${show(ports)} is a reversed range (from must not be greater than to)`);
        return undefined;
    }
    return { protocol: p, fromPort: from, toPort: to };
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

const SENSITIVE: PortSet = portSet(
    [...Object.keys(ADMIN_PORTS), ...Object.keys(DATABASE_PORTS)].map(Number).map((p) => [p, p] as [number, number]),
);

/** The admin and database ports a rule opens ("SSH (22)", ...), empty when it opens none. */
export function sensitivePortsOpened(spec: PortSpec): string[] {
    if (spec.protocol === "icmp" || spec.protocol === "icmpv6") return [];
    const range: PortSet = spec.protocol === "-1" ? [[0, 65535]] : [[spec.fromPort!, spec.toPort!]];
    const names: string[] = [];
    for (const [from, to] of intersectPorts(range, SENSITIVE)) {
        for (let port = from; port <= to; port++) names.push(`${ADMIN_PORTS[port] ?? DATABASE_PORTS[port]} (${port})`);
    }
    return names;
}

/** The refusal for a rule that would open admin or database ports to the internet, if it does. */
export function internetRefusal(spec: PortSpec, internet: Cidr[], where: string): string | undefined {
    if (internet.length === 0) return undefined;
    const opened = sensitivePortsOpened(spec);
    if (opened.length === 0) return undefined;
    const shown = opened.length > 4 ? `${opened.slice(0, 4).join(", ")} and ${opened.length - 4} more` : opened.join(", ");
    return (
        `${where} would open ${shown} to the internet (${internet.map((c) => c.text).join(", ")}): admin and database ports are never opened ` +
        `to the internet. Allow admin access from named addresses (e.g. 203.0.113.10/32) and database access from a tier's security group.`
    );
}

/** Every rule is described: the pack asks for it, and reviewers need it. */
export function readDescription(value: unknown, where: string, problems: Problems): string | undefined {
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    problems.add(`${where}.description = ${show(value)}: every rule needs a description saying why it exists`);
    return undefined;
}
