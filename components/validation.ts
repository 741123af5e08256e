/**
 * Reads component arguments with the pack's own model — its CIDR parser, its port reader, its
 * definition of the internet and of admin and database ports — and judges each planned rule with the
 * pack's own exposure functions, so a component never builds what the pack refuses. Every problem
 * names the argument and its value; all problems are reported together.
 */
import * as pulumi from "@pulumi/pulumi";
import { Cidr, DEFAULT_INTERNET_OPTIONS, internetCidrsOf, parseCidr } from "../policypack/model/addresses";
import { all, internetExposure, opensAnyPort } from "../policypack/model/exposure";
import { PortSpec, parsePortItem, parsePortSpec, portSet, readPortRangeText } from "../policypack/model/ports";
import { Protocol, opensEveryPort, parseProtocol } from "../policypack/model/protocol";
import { Rule } from "../policypack/model/rule";
import { ADMIN_PORTS, DATABASE_PORTS, namePorts } from "../policypack/model/sensitivePorts";
import { isUnresolved } from "../policypack/model/unresolved";
import { didYouMean } from "../policypack/kit/didYouMean";

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

/** Argument names replaced in 0.x, each with the name that replaced it: refused, naming the new one. */
export const RENAMED: ReadonlyMap<string, string> = new Map([
    ["sourceCidrs", "cidrs"],
    ["cidr", "cidrs"],
]);

/**
 * A problem for each key of `value` (the argument at `where`) that is not one of `known`: an old name
 * names the one that replaced it, anything else gets a "did you mean" — JavaScript would ignore it silently.
 */
export function refuseUnknownKeys(value: unknown, where: string, known: readonly string[], problems: Problems): void {
    if (!value || typeof value !== "object" || Array.isArray(value) || pulumi.Output.isInstance(value)) return;
    for (const key of Object.keys(value)) {
        if (known.includes(key)) continue;
        const path = where ? `${where}.${key}` : key;
        const renamed = RENAMED.get(key);
        if (renamed !== undefined && known.includes(renamed)) problems.add(`${path} was renamed: use ${renamed} (a list, as everywhere addresses are given)`);
        else problems.add(`${path} is not an argument here${didYouMean(key, known)} (arguments: ${known.join(", ")})`);
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

/**
 * A protocol as the pack reads it (policypack/model/protocol.ts): "tcp", "udp", "icmp", "icmpv6", "all" or "-1",
 * in any letter case, or a protocol number (6, 17, "6", -1, 47...).
 */
export type FlowProtocol = "tcp" | "udp" | "icmp" | "icmpv6" | "all" | "-1" | (string & {}) | number;

/** The protocol as the rule resource takes it: "-1", "tcp", "udp", "icmp", "icmpv6", or another protocol's number. */
function ipProtocolOf(protocol: Protocol): string {
    return protocol.kind === "all" ? "-1" : protocol.kind === "number" ? String(protocol.number) : protocol.kind;
}

/** A flow's protocol and one item of its ports: as the rule resource takes the protocol, and as the pack's model reads both. */
export interface FlowPorts {
    /** As the rule resource takes it (see ipProtocolOf). */
    ipProtocol: string;
    protocol: Protocol;
    ports: PortSpec;
}

/** A port range: both ends included. */
export interface PortRange {
    from: number;
    to: number;
}

/** An ICMP type and, optionally, one of its codes (every code when omitted). */
export interface IcmpType {
    type: number;
    code?: number;
}

/** One item of a ports list: a port, a range (`{ from, to }` or "from-to", as in the pack's config lists), or for ICMP a type or `{ type, code }`. */
export type PortItem = number | PortRange | `${number}-${number}` | IcmpType;

/**
 * `ports`: a list of items, each its own rule (`[443, 8443]` is two ports, never a range); a single item
 * is shorthand for a list of one. TCP/UDP need ports; ICMP without ports means every type; protocol "-1" takes none.
 */
export type Ports = PortItem | PortItem[];

/** One item of a flow's ports, read: the rule it becomes, where it was written and as what. */
export interface ReadPort {
    flow: FlowPorts;
    where: string;
    raw: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v) && !pulumi.Output.isInstance(v);
/** One port written as text ("443"); a range as text is the pack's readPortRangeText. */
const SINGLE_PORT_TEXT = /^\s*\d{1,5}\s*$/;
/** The keys a `{ from, to }` range and a `{ type, code }` ICMP item take (the package schema's PortRange and IcmpType hold the same). */
export const PORT_RANGE_KEYS: readonly string[] = ["from", "to"];
export const ICMP_TYPE_KEYS: readonly string[] = ["type", "code"];

/** Why one TCP/UDP ports item is not a port or range, or its port spec (read by the pack's port reader). */
function readPortItem(protocol: Protocol, item: unknown, where: string): PortSpec | string {
    const shaped =
        typeof item === "number" ||
        (typeof item === "string" && (SINGLE_PORT_TEXT.test(item) || readPortRangeText(item) !== undefined)) ||
        (isRecord(item) && ("from" in item || "to" in item));
    if (!shaped) return 'is not a port, a { from, to } range or a "from-to" string';
    const stray = isRecord(item) ? Object.keys(item).find((key) => !PORT_RANGE_KEYS.includes(key)) : undefined;
    if (stray !== undefined) return `has "${stray}", which a { from, to } range does not take${didYouMean(stray, PORT_RANGE_KEYS)}`;
    // AWS reads -1 as "every port"; a flow says so explicitly ({ from: 0, to: 65535 }), so a stray -1 never opens everything.
    if (item === -1 || (isRecord(item) && (item.from === -1 || item.to === -1))) return "is outside 0-65535 (every port is written { from: 0, to: 65535 })";
    const spec = parsePortItem(protocol, item, where);
    if (isUnresolved(spec)) return `is ${spec.kind === "malformed" ? spec.reason : "not known"}`;
    return spec;
}

/** One ICMP item: a type (every code), or { type, code }. */
function readIcmpItem(protocol: Protocol, item: unknown, where: string): PortSpec | string {
    const [type, code] = typeof item === "number" ? [item, undefined] : isRecord(item) && "type" in item ? [item.type, item.code] : [undefined, undefined];
    if (typeof type !== "number" || !(code === undefined || typeof code === "number")) return "is not an ICMP type or { type, code } (0-255, -1 for all)";
    const stray = isRecord(item) ? Object.keys(item).find((key) => !ICMP_TYPE_KEYS.includes(key)) : undefined;
    if (stray !== undefined) return `has "${stray}", which { type, code } does not take${didYouMean(stray, ICMP_TYPE_KEYS)}`;
    const spec = parsePortSpec(protocol, type, code, where, where);
    if (isUnresolved(spec)) return `is ${spec.kind === "malformed" ? spec.reason : "not known"}`;
    return spec;
}

/**
 * Reads a flow's protocol and ports with the pack's own readers: one entry per ports item (each becomes
 * its own rule); undefined (and a problem naming the item's path, e.g. `flows[1].ports[0]`) when any is invalid.
 */
export function readPorts(rawProtocol: unknown, ports: unknown, where: string, problems: Problems): ReadPort[] | undefined {
    // The pack's own protocol reader: what it accepts in a rule, a component accepts in a flow.
    const protocol = pulumi.Output.isInstance(rawProtocol) ? undefined : parseProtocol(rawProtocol, `${where}.protocol`);
    if (protocol === undefined || isUnresolved(protocol)) {
        const reason = protocol?.kind === "malformed" ? protocol.reason : "not known before the rule is planned (give it as plain text)";
        problems.add(`${where}.protocol = ${show(rawProtocol)} is not a protocol: ${reason}`);
        return undefined;
    }
    const ipProtocol = ipProtocolOf(protocol);
    const at = `${where}.ports`;
    if (opensEveryPort(protocol)) {
        if (ports === undefined) return [{ flow: { ipProtocol, protocol, ports: { kind: "all" } }, where: at, raw: ports }];
        problems.add(
            `${at} = ${show(ports)}: protocol ${show(rawProtocol)} ${protocol.kind === "all" ? "opens every protocol and port" : "has no ports (AWS opens every port of it)"}, so it takes no ports (omit them)`,
        );
        return undefined;
    }
    const icmp = protocol.kind === "icmp" || protocol.kind === "icmpv6";
    if (ports === undefined) {
        if (icmp) return [{ flow: { ipProtocol, protocol, ports: { kind: "icmp" } }, where: at, raw: ports }];
        problems.add(`${at} is missing: list the ports, e.g. [443], [443, 8443] or [{ from: 8000, to: 8100 }]`);
        return undefined;
    }
    const list = Array.isArray(ports);
    const items: unknown[] = list ? ports : [ports];
    if (items.length === 0) {
        problems.add(`${at} = [] lists no port (omit ports only for ICMP or protocol "-1")`);
        return undefined;
    }
    const read: ReadPort[] = [];
    let valid = true;
    items.forEach((item, j) => {
        const itemWhere = list ? `${at}[${j}]` : at;
        const spec = icmp ? readIcmpItem(protocol, item, itemWhere) : readPortItem(protocol, item, itemWhere);
        if (typeof spec === "string") {
            problems.add(`${itemWhere} = ${show(item)} ${spec}`);
            valid = false;
        } else read.push({ flow: { ipProtocol, protocol, ports: spec }, where: itemWhere, raw: item });
    });
    return valid ? read : undefined;
}

/** A read ports item written back as one item of a `ports` list. */
export function portItem(flow: FlowPorts): PortItem | undefined {
    switch (flow.ports.kind) {
        case "all":
            return opensEveryPort(flow.protocol) ? undefined : { from: 0, to: 65535 };
        case "range":
            return flow.ports.from === flow.ports.to ? flow.ports.from : { from: flow.ports.from, to: flow.ports.to };
        case "icmp":
            return flow.ports.type === undefined ? undefined : { type: flow.ports.type, code: flow.ports.code };
    }
}

/** fromPort and toPort as the rule resource takes them (none for protocol "-1"). */
export function portFields(flow: FlowPorts): { fromPort?: number; toPort?: number } {
    switch (flow.ports.kind) {
        case "all":
            return opensEveryPort(flow.protocol) ? {} : { fromPort: 0, toPort: 65535 };
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
