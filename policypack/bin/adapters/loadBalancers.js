"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AUTOSCALING_ATTACHMENT = exports.TARGET_GROUP_LISTS = exports.SERVICE_LOAD_BALANCERS = exports.TARGET_GROUP_ATTACHMENT = exports.TARGET_GROUP_ATTACHMENT_TYPES = exports.TARGET_GROUP_INLINE_TARGETS = exports.ALWAYS_PRESERVING_PROTOCOLS = exports.TARGET_GROUP = exports.TARGET_GROUP_TYPES = exports.LISTENER_RULE = exports.LISTENER_RULE_TYPES = exports.ACTION_TARGET_GROUP_PATHS = exports.LISTENER = exports.LISTENER_TYPES = exports.LOAD_BALANCER = exports.LOAD_BALANCER_TYPES = void 0;
exports.loadBalancerFacing = loadBalancerFacing;
exports.loadBalancerKindProperty = loadBalancerKindProperty;
exports.loadBalancerKind = loadBalancerKind;
exports.loadBalancerFamilies = loadBalancerFamilies;
/**
 * Load balancers and what they forward to (@pulumi/aws, `aws.lb` and its `aws.alb` aliases, and
 * aws-native `elasticloadbalancingv2`): the type tokens and property names the stack graph reads
 * (network/loadBalancing.ts); nothing else names them.
 */
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
const NATIVE_LOAD_BALANCER = "aws-native:elasticloadbalancingv2:LoadBalancer";
exports.LOAD_BALANCER_TYPES = new Set([
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    NATIVE_LOAD_BALANCER,
]);
exports.LOAD_BALANCER = { securityGroups: "securityGroups", ids: ["arn", "loadBalancerArn", "id"] };
/** Where a load balancer says whether it faces the internet, its type and its address families, by provider. */
const LOAD_BALANCER_SWITCHES = {
    classic: { internal: "internal", kind: "loadBalancerType", ipAddressType: "ipAddressType" },
    native: { scheme: "scheme", kind: "type", ipAddressType: "ipAddressType" },
};
/** Is the load balancer internet-facing: classic `internal` (default false), aws-native `scheme` (default "internet-facing")? */
function loadBalancerFacing(type, props, name) {
    if (type === NATIVE_LOAD_BALANCER) {
        const property = LOAD_BALANCER_SWITCHES.native.scheme;
        const raw = (0, propertyReaders_1.field)(props, property);
        if ((0, propertyReaders_1.isUnknown)(raw))
            return { facing: (0, unresolved_1.unknownAt)(`${name}.${property}`), because: "" };
        if (raw === undefined)
            return { facing: true, because: `internet-facing: ${property} is not set (AWS's default is internet-facing)` };
        if (raw === "internal")
            return { facing: false, because: `${property} is internal` };
        if (raw === "internet-facing")
            return { facing: true, because: `internet-facing: ${property} is internet-facing` };
        return { facing: (0, unresolved_1.malformedAt)(`${name}.${property}`, raw, 'not "internal" or "internet-facing"'), because: "" };
    }
    const property = LOAD_BALANCER_SWITCHES.classic.internal;
    const internal = (0, propertyReaders_1.readBoolean)((0, propertyReaders_1.field)(props, property), `${name}.${property}`);
    if ((0, unresolved_1.isUnresolved)(internal))
        return { facing: internal, because: "" };
    return internal === true ? { facing: false, because: `${property} is true` } : { facing: true, because: `internet-facing: ${property} is not true` };
}
/** The property holding the load balancer's type: `loadBalancerType` (classic), `type` (aws-native). */
function loadBalancerKindProperty(type) {
    return type === NATIVE_LOAD_BALANCER ? LOAD_BALANCER_SWITCHES.native.kind : LOAD_BALANCER_SWITCHES.classic.kind;
}
/** The load balancer's type ("application", "network", "gateway"); both providers default to "application". */
function loadBalancerKind(type, props) {
    const raw = (0, propertyReaders_1.field)(props, loadBalancerKindProperty(type));
    if ((0, propertyReaders_1.isUnknown)(raw))
        return undefined;
    return typeof raw === "string" ? raw : "application";
}
/**
 * The address families the internet reaches an internet-facing load balancer on (`ipAddressType`, both
 * providers): "ipv4" (the default) IPv4 only; "dualstack" both; "dualstack-without-public-ipv4" IPv6 only
 * (its IPv4 addresses are private). https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#ip-address-type
 */
function loadBalancerFamilies(props, name) {
    const property = LOAD_BALANCER_SWITCHES.classic.ipAddressType;
    const raw = (0, propertyReaders_1.field)(props, property);
    if ((0, propertyReaders_1.isUnknown)(raw))
        return (0, unresolved_1.unknownAt)(`${name}.${property}`);
    const v4 = "public IPv4 address (ipAddressType ipv4)";
    if (raw === undefined || raw === "ipv4")
        return { families: [4], because: { 4: raw ? v4 : "public IPv4 address (ipAddressType defaults to ipv4)", 6: "" } };
    if (raw === "dualstack")
        return { families: [4, 6], because: { 4: "public IPv4 address (ipAddressType dualstack)", 6: "IPv6 address (ipAddressType dualstack)" } };
    if (raw === "dualstack-without-public-ipv4")
        return { families: [6], because: { 4: "", 6: "IPv6 address (ipAddressType dualstack-without-public-ipv4)" } };
    return (0, unresolved_1.malformedAt)(`${name}.${property}`, raw, 'not "ipv4", "dualstack" or "dualstack-without-public-ipv4"');
}
exports.LISTENER_TYPES = new Set([
    "aws:lb/listener:Listener",
    "aws:alb/listener:Listener",
    "aws-native:elasticloadbalancingv2:Listener",
]);
/** A listener: its load balancer, port and protocol, and the target groups its default actions forward to (same names in both providers). */
exports.LISTENER = {
    loadBalancer: "loadBalancerArn",
    port: "port",
    protocol: "protocol",
    actions: "defaultActions",
    ids: ["arn", "listenerArn", "id"],
};
/**
 * Where an action names target groups: `targetGroupArn`, or `forward.targetGroups[].arn` (classic), or
 * `forwardConfig.targetGroups[].targetGroupArn` (aws-native).
 */
exports.ACTION_TARGET_GROUP_PATHS = [
    ["targetGroupArn"],
    ["forward", "targetGroups", "*", "arn"],
    ["forwardConfig", "targetGroups", "*", "targetGroupArn"],
];
exports.LISTENER_RULE_TYPES = new Set([
    "aws:lb/listenerRule:ListenerRule",
    "aws:alb/listenerRule:ListenerRule",
    "aws-native:elasticloadbalancingv2:ListenerRule",
]);
exports.LISTENER_RULE = { listener: "listenerArn", actions: "actions" };
exports.TARGET_GROUP_TYPES = new Set([
    "aws:lb/targetGroup:TargetGroup",
    "aws:alb/targetGroup:TargetGroup",
    "aws-native:elasticloadbalancingv2:TargetGroup",
]);
/**
 * A target group: its port, and what decides whether a network load balancer preserves the client's
 * address towards its targets (`preserveClientIp`, a string "true"/"false" in @pulumi/aws; by default on
 * for `instance` targets and for `ip` targets of UDP, TCP_UDP, QUIC and TCP_QUIC groups).
 */
exports.TARGET_GROUP = {
    port: "port",
    protocol: "protocol",
    targetType: "targetType",
    preserveClientIp: "preserveClientIp",
    ids: ["arn", "targetGroupArn", "id"],
};
/** Target group protocols whose `ip` targets see the client's address by default (AWS: always, it cannot be turned off). */
exports.ALWAYS_PRESERVING_PROTOCOLS = new Set(["UDP", "TCP_UDP", "QUIC", "TCP_QUIC"]);
/** Targets registered inline (aws-native `targets[]`: `id`, and a `port` overriding the group's). */
exports.TARGET_GROUP_INLINE_TARGETS = { list: "targets", target: "id", port: "port" };
exports.TARGET_GROUP_ATTACHMENT_TYPES = new Set([
    "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    "aws:alb/targetGroupAttachment:TargetGroupAttachment",
]);
exports.TARGET_GROUP_ATTACHMENT = { targetGroup: "targetGroupArn", target: "targetId", port: "port" };
/** Services that register their tasks in target groups: the list, and each entry's target group and port. */
exports.SERVICE_LOAD_BALANCERS = new Map([
    ["aws:ecs/service:Service", { list: "loadBalancers", targetGroup: "targetGroupArn", port: "containerPort" }],
]);
/** Resources that register their instances in target groups listed by ARN (auto-scaling groups); the port is the target group's. */
exports.TARGET_GROUP_LISTS = new Map([["aws:autoscaling/group:Group", "targetGroupArns"]]);
/** A standalone attachment of an auto-scaling group (by name) to a target group. */
exports.AUTOSCALING_ATTACHMENT = {
    type: "aws:autoscaling/attachment:Attachment",
    group: "autoscalingGroupName",
    targetGroup: "lbTargetGroupArn",
};
