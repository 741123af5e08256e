/**
 * Load balancers and what they forward to (@pulumi/aws, `aws.lb` and its `aws.alb` aliases): the type
 * tokens and property names the stack graph reads (network/loadBalancing.ts); nothing else names them.
 */

export const LOAD_BALANCER_TYPES: ReadonlySet<string> = new Set(["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"]);
export const LOAD_BALANCER = { internal: "internal", kind: "loadBalancerType", securityGroups: "securityGroups", ids: ["arn", "id"] } as const;

export const LISTENER_TYPES: ReadonlySet<string> = new Set(["aws:lb/listener:Listener", "aws:alb/listener:Listener"]);
/** A listener: its load balancer, port and protocol, and the target groups its default actions forward to. */
export const LISTENER = {
    loadBalancer: "loadBalancerArn",
    port: "port",
    protocol: "protocol",
    actions: "defaultActions",
    ids: ["arn", "id"],
} as const;
/** Where an action names target groups: `targetGroupArn`, or `forward.targetGroups[].arn`. */
export const ACTION_TARGET_GROUP_PATHS: readonly string[][] = [["targetGroupArn"], ["forward", "targetGroups", "*", "arn"]];

export const LISTENER_RULE_TYPES: ReadonlySet<string> = new Set(["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"]);
export const LISTENER_RULE = { listener: "listenerArn", actions: "actions" } as const;

export const TARGET_GROUP_TYPES: ReadonlySet<string> = new Set(["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"]);
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
    ids: ["arn", "id"],
} as const;
/** Target group protocols whose `ip` targets see the client's address by default (AWS: always, it cannot be turned off). */
export const ALWAYS_PRESERVING_PROTOCOLS: ReadonlySet<string> = new Set(["UDP", "TCP_UDP", "QUIC", "TCP_QUIC"]);

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
