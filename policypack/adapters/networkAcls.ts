/** Network ACLs: the classic provider's inline entries and standalone rules, and aws-native entries. */
import { Direction, Peer, ResourceRules, Rule, RuleOrigin, cidrPeer, unreadableRule } from "../model/rule";
import { PortSpec, parsePortSpec } from "../model/ports";
import { Protocol, parseProtocol } from "../model/protocol";
import { field, fieldAt, isUnknown, readBoolean, readInteger, readList } from "../model/propertyReaders";
import { Unresolved, isUnresolved, malformedAt, unknownAt } from "../model/unresolved";

export const AWS_NETWORK_ACL = "aws:ec2/networkAcl:NetworkAcl";
export const AWS_DEFAULT_NETWORK_ACL = "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl";
export const AWS_NETWORK_ACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";
export const NATIVE_NETWORK_ACL_ENTRY = "aws-native:ec2:NetworkAclEntry";

/** A nested field: its keys, and its dotted name as messages show it. */
interface FieldPath {
    keys: readonly string[];
    dotted: string;
}

const fieldPath = (...keys: string[]): FieldPath => ({ keys, dotted: keys.join(".") });

/** Where each family keeps an entry's parts; paths are relative to the entry. */
interface EntryShape {
    ruleNumber: string;
    action: string;
    fromPort: FieldPath;
    toPort: FieldPath;
    icmpType: FieldPath;
    icmpCode: FieldPath;
}

const INLINE: EntryShape = {
    ruleNumber: "ruleNo",
    action: "action",
    fromPort: fieldPath("fromPort"),
    toPort: fieldPath("toPort"),
    icmpType: fieldPath("icmpType"),
    icmpCode: fieldPath("icmpCode"),
};
const CLASSIC_RULE: EntryShape = { ...INLINE, ruleNumber: "ruleNumber", action: "ruleAction" };
const NATIVE_ENTRY: EntryShape = {
    ruleNumber: "ruleNumber",
    action: "ruleAction",
    fromPort: fieldPath("portRange", "from"),
    toPort: fieldPath("portRange", "to"),
    icmpType: fieldPath("icmp", "type"),
    icmpCode: fieldPath("icmp", "code"),
};

/** A field's name below the entry's own (`ingress[0]`, or "" for a standalone entry), as messages show it. */
function under(prefix: string, dotted: string): string {
    return prefix === "" ? dotted : `${prefix}.${dotted}`;
}

function readAction(raw: unknown, property: string): "allow" | "deny" | Unresolved {
    if (isUnknown(raw)) return unknownAt(property);
    const text = typeof raw === "string" ? raw.trim().toLowerCase() : undefined;
    if (text === "allow" || text === "deny") return text;
    return malformedAt(property, raw, 'expected "allow" or "deny"');
}

/** ICMP entries keep type and code in their own fields; every other entry has a port range. */
function readPorts(protocol: Protocol | Unresolved, raw: unknown, prefix: string, shape: EntryShape): PortSpec | Unresolved {
    const icmp = !isUnresolved(protocol) && (protocol.kind === "icmp" || protocol.kind === "icmpv6");
    const from = icmp ? shape.icmpType : shape.fromPort;
    const to = icmp ? shape.icmpCode : shape.toPort;
    return parsePortSpec(protocol, fieldAt(raw, from.keys), fieldAt(raw, to.keys), under(prefix, from.dotted), under(prefix, to.dotted));
}

const PEER_FIELDS = ["cidrBlock", "ipv6CidrBlock"];

function readPeers(raw: unknown, prefix: string): Peer[] {
    const peers: Peer[] = [];
    for (const name of PEER_FIELDS) {
        const value = field(raw, name);
        // The classic provider sends "" for the family an entry does not use.
        if (value === undefined || value === "") continue;
        peers.push(cidrPeer(value, under(prefix, name)));
    }
    return peers;
}

function readEntry(raw: unknown, direction: Direction, prefix: string, shape: EntryShape, origin: RuleOrigin): Rule {
    const protocol = parseProtocol(field(raw, "protocol"), under(prefix, "protocol"));
    const action = readAction(field(raw, shape.action), under(prefix, shape.action));
    const ruleNumberAt = under(prefix, shape.ruleNumber);
    const ruleNumber = readInteger(field(raw, shape.ruleNumber), ruleNumberAt);
    return {
        direction,
        action,
        protocol,
        ports: readPorts(protocol, raw, prefix, shape),
        peers: readPeers(raw, prefix),
        description: undefined,
        ruleNumber: ruleNumber === undefined ? malformedAt(ruleNumberAt, undefined, "missing") : ruleNumber,
        origin: { ...origin, path: prefix },
    };
}

/** `aws.ec2.NetworkAcl` and `aws.ec2.DefaultNetworkAcl`: inline `ingress` and `egress` entries. */
export function inlineNetworkAcl(props: unknown, origin: RuleOrigin): ResourceRules {
    const result: ResourceRules = { rules: [], unreadable: [] };
    for (const direction of ["ingress", "egress"] as Direction[]) {
        const list = readList(field(props, direction), direction);
        if (list === undefined) continue;
        if (!Array.isArray(list)) {
            result.unreadable.push({ direction, unresolved: list });
            continue;
        }
        list.forEach((entry, i) => {
            const path = `${direction}[${i}]`;
            if (isUnknown(entry) || typeof entry !== "object" || entry === null || Array.isArray(entry)) {
                const why = isUnknown(entry) ? unknownAt(path) : malformedAt(path, entry, "not an entry object");
                // NACL entries have no description; the rule number is as unreadable as the rest.
                result.rules.push({ ...unreadableRule(direction, path, why, origin), description: undefined, ruleNumber: why });
            } else {
                result.rules.push(readEntry(entry, direction, path, INLINE, origin));
            }
        });
    }
    return result;
}

/** Standalone entries (`aws.ec2.NetworkAclRule`, aws-native `NetworkAclEntry`): `egress` says the direction. */
function standaloneEntry(shape: EntryShape) {
    return (props: unknown, origin: RuleOrigin): ResourceRules => {
        const egress = readBoolean(field(props, "egress"), "egress");
        if (isUnresolved(egress)) {
            return {
                rules: [],
                unreadable: [
                    { direction: "ingress", unresolved: egress },
                    { direction: "egress", unresolved: egress },
                ],
            };
        }
        const direction: Direction = egress === true ? "egress" : "ingress";
        return { rules: [readEntry(props, direction, "", shape, origin)], unreadable: [] };
    };
}

export const networkAclRule = standaloneEntry(CLASSIC_RULE);
export const nativeNetworkAclEntry = standaloneEntry(NATIVE_ENTRY);
