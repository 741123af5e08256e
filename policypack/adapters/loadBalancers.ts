/**
 * Load balancers and what they forward to (@pulumi/aws, `aws.lb` and its `aws.alb` aliases, and
 * aws-native `elasticloadbalancingv2`): the type tokens and property names the stack graph reads
 * (network/loadBalancing.ts); nothing else names them.
 */
import { field, isUnknown, readBoolean } from "../model/propertyReaders";
import { Unresolved, isUnresolved, malformedAt, unknownAt } from "../model/unresolved";

const NATIVE_LOAD_BALANCER = "aws-native:elasticloadbalancingv2:LoadBalancer";
export const LOAD_BALANCER_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    NATIVE_LOAD_BALANCER,
]);
export const LOAD_BALANCER = { securityGroups: "securityGroups", ids: ["arn", "loadBalancerArn", "id"] } as const;

/** Where a load balancer says whether it faces the internet, its type and its address families, by provider. */
const LOAD_BALANCER_SWITCHES = {
    classic: { internal: "internal", kind: "loadBalancerType", ipAddressType: "ipAddressType" },
    native: { scheme: "scheme", kind: "type", ipAddressType: "ipAddressType" },
} as const;

/** Is the load balancer internet-facing: classic `internal` (default false), aws-native `scheme` (default "internet-facing")? */
export function loadBalancerFacing(type: string, props: unknown, name: string): { facing: boolean | Unresolved; because: string } {
    if (type === NATIVE_LOAD_BALANCER) {
        const property = LOAD_BALANCER_SWITCHES.native.scheme;
        const raw = field(props, property);
        if (isUnknown(raw)) return { facing: unknownAt(`${name}.${property}`), because: "" };
        if (raw === undefined) return { facing: true, because: `internet-facing: ${property} is not set (AWS's default is internet-facing)` };
        if (raw === "internal") return { facing: false, because: `${property} is internal` };
        if (raw === "internet-facing") return { facing: true, because: `internet-facing: ${property} is internet-facing` };
        return { facing: malformedAt(`${name}.${property}`, raw, 'not "internal" or "internet-facing"'), because: "" };
    }
    const property = LOAD_BALANCER_SWITCHES.classic.internal;
    const internal = readBoolean(field(props, property), `${name}.${property}`);
    if (isUnresolved(internal)) return { facing: internal, because: "" };
    return internal === true ? { facing: false, because: `${property} is true` } : { facing: true, because: `internet-facing: ${property} is not true` };
}

/** The property holding the load balancer's type: `loadBalancerType` (classic), `type` (aws-native). */
export function loadBalancerKindProperty(type: string): string {
    return type === NATIVE_LOAD_BALANCER ? LOAD_BALANCER_SWITCHES.native.kind : LOAD_BALANCER_SWITCHES.classic.kind;
}

/** The load balancer's type ("application", "network", "gateway"); both providers default to "application". */
export function loadBalancerKind(type: string, props: unknown): string | undefined {
    const raw = field(props, loadBalancerKindProperty(type));
    if (isUnknown(raw)) return undefined;
    return typeof raw === "string" ? raw : "application";
}

/**
 * The address families the internet reaches an internet-facing load balancer on (`ipAddressType`, both
 * providers): "ipv4" (the default) IPv4 only; "dualstack" both; "dualstack-without-public-ipv4" IPv6 only
 * (its IPv4 addresses are private). https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#ip-address-type
 */
export function loadBalancerFamilies(props: unknown, name: string): { families: Array<4 | 6>; because: Record<4 | 6, string> } | Unresolved {
    const property = LOAD_BALANCER_SWITCHES.classic.ipAddressType;
    const raw = field(props, property);
    if (isUnknown(raw)) return unknownAt(`${name}.${property}`);
    const v4 = "public IPv4 address (ipAddressType ipv4)";
    if (raw === undefined || raw === "ipv4") return { families: [4], because: { 4: raw ? v4 : "public IPv4 address (ipAddressType defaults to ipv4)", 6: "" } };
    if (raw === "dualstack")
        return { families: [4, 6], because: { 4: "public IPv4 address (ipAddressType dualstack)", 6: "IPv6 address (ipAddressType dualstack)" } };
    if (raw === "dualstack-without-public-ipv4") return { families: [6], because: { 4: "", 6: "IPv6 address (ipAddressType dualstack-without-public-ipv4)" } };
    return malformedAt(`${name}.${property}`, raw, 'not "ipv4", "dualstack" or "dualstack-without-public-ipv4"');
}

export const LISTENER_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/listener:Listener",
    "aws:alb/listener:Listener",
    "aws-native:elasticloadbalancingv2:Listener",
]);
/** A listener: its load balancer, port and protocol, and the target groups its default actions forward to (same names in both providers). */
export const LISTENER = {
    loadBalancer: "loadBalancerArn",
    port: "port",
    protocol: "protocol",
    actions: "defaultActions",
    ids: ["arn", "listenerArn", "id"],
} as const;
/**
 * Where an action names target groups: `targetGroupArn`, or `forward.targetGroups[].arn` (classic), or
 * `forwardConfig.targetGroups[].targetGroupArn` (aws-native).
 */
export const ACTION_TARGET_GROUP_PATHS: readonly string[][] = [
    ["targetGroupArn"],
    ["forward", "targetGroups", "*", "arn"],
    ["forwardConfig", "targetGroups", "*", "targetGroupArn"],
];

export const LISTENER_RULE_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/listenerRule:ListenerRule",
    "aws:alb/listenerRule:ListenerRule",
    "aws-native:elasticloadbalancingv2:ListenerRule",
]);
export const LISTENER_RULE = { listener: "listenerArn", actions: "actions" } as const;

export const TARGET_GROUP_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/targetGroup:TargetGroup",
    "aws:alb/targetGroup:TargetGroup",
    "aws-native:elasticloadbalancingv2:TargetGroup",
]);
/**
 * A target group: its port, and what decides whether a network load balancer preserves the client's
 * address towards its targets (`preserveClientIp`, a string "true"/"false" in @pulumi/aws; by default on
 * for `instance` targets and for `ip` targets of UDP, TCP_UDP, QUIC and TCP_QUIC groups).
 */
export const TARGET_GROUP = {
    port: "port",
    protocol: "protocol",
    targetType: "targetType",
    preserveClientIp: "preserveClientIp",
    ids: ["arn", "targetGroupArn", "id"],
} as const;
/** Target group protocols whose `ip` targets see the client's address by default (AWS: always, it cannot be turned off). */
export const ALWAYS_PRESERVING_PROTOCOLS: ReadonlySet<string> = new Set(["UDP", "TCP_UDP", "QUIC", "TCP_QUIC"]);
/** Targets registered inline (aws-native `targets[]`: `id`, and a `port` overriding the group's). */
export const TARGET_GROUP_INLINE_TARGETS = { list: "targets", target: "id", port: "port" } as const;

export const TARGET_GROUP_ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    "aws:alb/targetGroupAttachment:TargetGroupAttachment",
]);
export const TARGET_GROUP_ATTACHMENT = { targetGroup: "targetGroupArn", target: "targetId", port: "port" } as const;

/** Services that register their tasks in target groups: the list, and each entry's target group and port. */
export const SERVICE_LOAD_BALANCERS: ReadonlyMap<string, { list: string; targetGroup: string; port: string }> = new Map([
    ["aws:ecs/service:Service", { list: "loadBalancers", targetGroup: "targetGroupArn", port: "containerPort" }],
]);

/** Resources that register their instances in target groups listed by ARN (auto-scaling groups); the port is the target group's. */
export const TARGET_GROUP_LISTS: ReadonlyMap<string, string> = new Map([["aws:autoscaling/group:Group", "targetGroupArns"]]);
/** A standalone attachment of an auto-scaling group (by name) to a target group. */
export const AUTOSCALING_ATTACHMENT = {
    type: "aws:autoscaling/attachment:Attachment",
    group: "autoscalingGroupName",
    targetGroup: "lbTargetGroupArn",
} as const;
