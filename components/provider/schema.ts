/**
 * The Pulumi package schema of tierguard's components, written by hand: the SDK's schema inference
 * rejects the union types the component API uses (ports items, protocols), which a schema
 * expresses with `oneOf`. See DESIGN.md. Served by provider.ts (entry main.ts, PulumiPlugin.yaml).
 */

/** A Pulumi schema type spec (the subset used here). */
export interface TypeSpec {
    type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
    items?: TypeSpec;
    additionalProperties?: TypeSpec;
    $ref?: string;
    oneOf?: TypeSpec[];
    description?: string;
}

export interface ObjectTypeSpec {
    type: "object";
    description?: string;
    properties: Record<string, TypeSpec>;
    required?: string[];
}

export interface ResourceSpec {
    isComponent: true;
    description: string;
    inputProperties: Record<string, TypeSpec>;
    requiredInputs: string[];
    properties: Record<string, TypeSpec>;
    required: string[];
}

export interface PackageSchema {
    name: string;
    version: string;
    displayName: string;
    description: string;
    license: string;
    resources: Record<string, ResourceSpec>;
    types: Record<string, ObjectTypeSpec>;
}

export const PACKAGE = "tierguard";
export const THREE_TIER_TOKEN = `${PACKAGE}:index:ThreeTierSecurityGroups`;
export const TIERED_TOKEN = `${PACKAGE}:index:TieredSecurityGroups`;

/** The token of a type of this package. */
export const typeToken = (name: string): string => `${PACKAGE}:index:${name}`;
const ref = (name: string): TypeSpec => ({ $ref: `#/types/${typeToken(name)}` });
const string: TypeSpec = { type: "string" };
const integer: TypeSpec = { type: "integer" };
const boolean: TypeSpec = { type: "boolean" };
const list = (items: TypeSpec, description?: string): TypeSpec => ({ type: "array", items, ...(description ? { description } : {}) });
const stringMap = (description: string): TypeSpec => ({ type: "object", additionalProperties: string, description });
const cidrs = (description: string): TypeSpec => list(string, description);

/** One item of a TCP/UDP ports list: a port, a { from, to } range, or a "from-to" string (as in the pack's config lists). */
const portItem: TypeSpec = {
    oneOf: [integer, ref("PortRange"), string],
    description: 'A port (443), a range ({ from: 8000, to: 8100 }) or a "from-to" string ("8000-8100"); each item is its own rule.',
};
/** Where ICMP is allowed, an item may also be an ICMP type and code. */
const portOrIcmpItem: TypeSpec = {
    oneOf: [integer, ref("PortRange"), string, ref("IcmpType")],
    description: portItem.description + " For ICMP: a type, or { type, code }.",
};
const protocol: TypeSpec = {
    oneOf: [string, integer],
    description: 'A protocol as the pack reads it: "tcp", "udp", "icmp", "icmpv6", "all" or "-1" in any letter case, or a protocol number (6, 17, -1, 47...).',
};

const types: Record<string, ObjectTypeSpec> = {
    [typeToken("PortRange")]: {
        type: "object",
        description: "A port range, both ends included.",
        properties: { from: integer, to: integer },
        required: ["from", "to"],
    },
    [typeToken("IcmpType")]: {
        type: "object",
        description: "An ICMP type and, optionally, one of its codes (every code when omitted).",
        properties: { type: integer, code: integer },
        required: ["type"],
    },
    [typeToken("ThreeTierLoadBalancer")]: {
        type: "object",
        description: "Internet to the load balancer.",
        properties: {
            ports: list(portItem, "TCP ports open to clients (default [443]): each item its own rule."),
            http: { ...boolean, description: "Also TCP 80, for redirects to HTTPS." },
            quic: { ...boolean, description: "Also UDP 443, for HTTP/3." },
            cidrs: cidrs("Who the load balancer serves (default 0.0.0.0/0 and ::/0)."),
        },
    },
    [typeToken("TierPort")]: {
        type: "object",
        description: "The port a tier serves on.",
        properties: { port: integer },
        required: ["port"],
    },
    [typeToken("ThreeTierAdmin")]: {
        type: "object",
        description: "Admin access from named addresses only (never the internet).",
        properties: {
            cidrs: cidrs("The addresses admins connect from, e.g. 203.0.113.10/32."),
            port: { ...integer, description: "The admin port (default 22)." },
            tiers: list(string, 'The tiers admins reach: "web", "app", "database".'),
        },
        required: ["cidrs", "tiers"],
    },
    [typeToken("TierEgress")]: {
        type: "object",
        description: "Egress from a tier to addresses outside the stack.",
        properties: {
            cidrs: cidrs("The addresses the tier reaches."),
            protocol,
            ports: list(portOrIcmpItem, 'Required for TCP/UDP; omitted for ICMP means every type; never given for protocol "-1".'),
            description: { ...string, description: "Why the rule exists." },
        },
        required: ["cidrs", "protocol", "description"],
    },
    [typeToken("ThreeTierEgress")]: {
        type: "object",
        description: "Internet egress per tier, only where declared.",
        properties: {
            loadBalancer: list(ref("TierEgress")),
            web: list(ref("TierEgress")),
            app: list(ref("TierEgress")),
            database: list(ref("TierEgress")),
        },
    },
    [typeToken("TierArgs")]: {
        type: "object",
        description: "A tier: its role (the tag the stack policies read) and its security group's description.",
        properties: {
            role: { ...string, description: 'The tier\'s role: "public", "web", "app" or "data".' },
            description: { ...string, description: "The security group's description." },
        },
        required: ["role"],
    },
    [typeToken("FlowCidrs")]: {
        type: "object",
        description: "Addresses outside the stack.",
        properties: { cidrs: cidrs("The CIDRs (IPv4 or IPv6).") },
        required: ["cidrs"],
    },
    [typeToken("FlowArgs")]: {
        type: "object",
        description: "Traffic into a tier: the ingress rule on it and, from a tier, the matching egress rule on the sender.",
        properties: {
            from: { oneOf: [string, ref("FlowCidrs")], description: 'A tier name, "internet" (0.0.0.0/0 and ::/0), or { cidrs }.' },
            to: { ...string, description: "The receiving tier." },
            protocol,
            ports: list(portOrIcmpItem, 'Required for TCP/UDP; omitted for ICMP means every type; never given for protocol "-1".'),
            description: { ...string, description: "Why the rule exists." },
        },
        required: ["from", "to", "protocol", "description"],
    },
    [typeToken("EgressArgs")]: {
        type: "object",
        description: "Egress from a tier to addresses outside the stack (traffic between tiers comes from flows).",
        properties: {
            from: { ...string, description: "The sending tier." },
            to: ref("FlowCidrs"),
            protocol,
            ports: list(portOrIcmpItem, 'Required for TCP/UDP; omitted for ICMP means every type; never given for protocol "-1".'),
            description: { ...string, description: "Why the rule exists." },
        },
        required: ["from", "to", "protocol", "description"],
    },
};

const tiered: ResourceSpec = {
    isComponent: true,
    description:
        "One security group per tier and, for each flow, the ingress rule on the receiving tier plus the matching egress rule on the sending tier, with security-group references between tiers.",
    inputProperties: {
        vpcId: { ...string, description: "The VPC of the security groups." },
        tiers: { type: "object", additionalProperties: ref("TierArgs"), description: "The tiers, by name." },
        flows: list(ref("FlowArgs"), "The traffic each tier receives (may be empty)."),
        egress: list(ref("EgressArgs"), "Egress to addresses outside the stack."),
        tags: stringMap("Tags for every security group and rule."),
    },
    requiredInputs: ["vpcId", "tiers", "flows"],
    properties: {
        securityGroupIds: stringMap("The id of each tier's security group, by tier name."),
    },
    required: ["securityGroupIds"],
};

const threeTier: ResourceSpec = {
    isComponent: true,
    description:
        "Three-tier security groups, correct by construction: internet → load balancer → web → (app →) database, admin access only from named addresses, egress only where declared.",
    inputProperties: {
        vpcId: { ...string, description: "The VPC of the security groups." },
        loadBalancer: ref("ThreeTierLoadBalancer"),
        web: ref("TierPort"),
        app: ref("TierPort"),
        database: ref("TierPort"),
        admin: ref("ThreeTierAdmin"),
        egress: ref("ThreeTierEgress"),
        tags: stringMap("Tags for every security group and rule."),
    },
    requiredInputs: ["vpcId", "web", "database"],
    properties: {
        securityGroupIds: stringMap("The id of each tier's security group, by tier name."),
    },
    required: ["securityGroupIds"],
};

/** The package schema: name, version (the npm package's), resources and types. */
export function packageSchema(version: string): PackageSchema {
    return {
        name: PACKAGE,
        version,
        displayName: "tierguard",
        description: "Three-tier network guardrails for AWS: security-group components that are correct by construction.",
        license: "Apache-2.0",
        resources: { [THREE_TIER_TOKEN]: threeTier, [TIERED_TOKEN]: tiered },
        types,
    };
}
