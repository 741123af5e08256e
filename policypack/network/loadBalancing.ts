/**
 * Load balancers as facts of the stack graph: which listeners each has (port, protocol), which target
 * groups a listener forwards to (default actions and listener rules), and which resources a target group
 * sends traffic to on which port (attachments, ECS services' `loadBalancers`). References resolve by
 * known id (ARN) or, while ids are unknown in a preview, through propertyDependencies. Indexed once per
 * stack on first use.
 */
import {
    ACTION_TARGET_GROUP_PATHS,
    ALWAYS_PRESERVING_PROTOCOLS,
    AUTOSCALING_ATTACHMENT,
    TARGET_GROUP_LISTS,
    LISTENER,
    LISTENER_RULE,
    LISTENER_RULE_TYPES,
    LISTENER_TYPES,
    LOAD_BALANCER,
    LOAD_BALANCER_TYPES,
    loadBalancerKindProperty,
    SERVICE_LOAD_BALANCERS,
    TARGET_GROUP,
    TARGET_GROUP_ATTACHMENT,
    TARGET_GROUP_ATTACHMENT_TYPES,
    TARGET_GROUP_INLINE_TARGETS,
    TARGET_GROUP_TYPES,
    loadBalancerFacing,
    loadBalancerFamilies,
    loadBalancerKind,
} from "../adapters/loadBalancers";
import { Tri } from "../model/exposure";
import { field, isUnknown, readBoolean, readInteger } from "../model/propertyReaders";
import { AnalyzedResource } from "../model/resource";
import { Unresolved, describeUnresolved, isUnresolved, unknownAt } from "../model/unresolved";
import { valuesAt } from "./carriers";
import { type Carrier, type StackGraph, dependenciesOf } from "./graph";

export interface Listener {
    resource: AnalyzedResource;
    port: number | Unresolved | undefined;
    protocol?: string;
    targetGroups: AnalyzedResource[];
}

export interface Target {
    carrier: Carrier;
    /** The port the target group sends traffic to on this target. */
    port: number | Unresolved | undefined;
    /** Where the target was registered, for messages: `attachment "web-0"`, `service "api" loadBalancers`. */
    via: string;
}

function knownString(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && !isUnknown(value) ? value : undefined;
}

export class LoadBalancing {
    private readonly listenersByLb = new Map<AnalyzedResource, Listener[]>();
    private readonly targetsByGroup = new Map<AnalyzedResource, Target[]>();

    constructor(graph: StackGraph) {
        const byKey = new Map<string, AnalyzedResource>();
        const index = (r: AnalyzedResource, ids: readonly string[]) => {
            byKey.set(r.urn, r);
            for (const id of ids) {
                const value = knownString(field(r.props, id));
                if (value) byKey.set(value, r);
            }
        };
        const carrierByKey = new Map<string, Carrier>();
        /** Auto-scaling groups by name (their id is their name too). */
        const groupByName = new Map<string, Carrier>();
        for (const carrier of graph.carriers) {
            carrierByKey.set(carrier.resource.urn, carrier);
            if (TARGET_GROUP_LISTS.has(carrier.resource.type)) {
                const name = knownString(field(carrier.resource.props, "name"));
                if (name) groupByName.set(name, carrier);
            }
            for (const id of ["id", "arn"]) {
                const value = knownString(field(carrier.resource.props, id));
                if (value) carrierByKey.set(value, carrier);
            }
        }
        for (let at = 0; at < graph.resources.length; at++) {
            const r = graph.resources[at];
            if (LOAD_BALANCER_TYPES.has(r.type)) index(r, LOAD_BALANCER.ids);
            else if (TARGET_GROUP_TYPES.has(r.type)) index(r, TARGET_GROUP.ids);
            else if (LISTENER_TYPES.has(r.type)) index(r, LISTENER.ids);
        }
        /** The resources of `types` a property names: known ids, else those that fed it. */
        const named = (holder: AnalyzedResource, property: string, values: unknown[], types: ReadonlySet<string>): AnalyzedResource[] => {
            const out = new Set<AnalyzedResource>();
            for (const value of values) {
                const id = knownString(value);
                const found = id !== undefined ? byKey.get(id) : undefined;
                if (found && types.has(found.type)) out.add(found);
                if (isUnknown(value)) {
                    for (const urn of dependenciesOf(holder, property)) {
                        const dep = byKey.get(urn);
                        if (dep && types.has(dep.type)) out.add(dep);
                    }
                }
            }
            return [...out];
        };
        const actionGroups = (holder: AnalyzedResource, property: string) =>
            named(
                holder,
                property,
                ACTION_TARGET_GROUP_PATHS.flatMap((path) => valuesAt(holder.props, [property, "*", ...path])),
                TARGET_GROUP_TYPES,
            );
        const listenerByKey = new Map<string, Listener>();
        for (let at = 0; at < graph.resources.length; at++) {
            const r = graph.resources[at];
            if (!LISTENER_TYPES.has(r.type)) continue;
            const [lb] = named(r, LISTENER.loadBalancer, [field(r.props, LISTENER.loadBalancer)], LOAD_BALANCER_TYPES);
            const protocol = knownString(field(r.props, LISTENER.protocol));
            const listener: Listener = {
                resource: r,
                port: readInteger(field(r.props, LISTENER.port), `${r.name}.${LISTENER.port}`),
                protocol,
                targetGroups: actionGroups(r, LISTENER.actions),
            };
            for (const key of [r.urn, knownString(field(r.props, "arn")), knownString(field(r.props, "id"))]) if (key) listenerByKey.set(key, listener);
            if (!lb) continue;
            const listeners = this.listenersByLb.get(lb);
            if (listeners) listeners.push(listener);
            else this.listenersByLb.set(lb, [listener]);
        }
        for (let at = 0; at < graph.resources.length; at++) {
            const r = graph.resources[at];
            if (!LISTENER_RULE_TYPES.has(r.type)) continue;
            const raw = field(r.props, LISTENER_RULE.listener);
            const key = graph.referenced(r, LISTENER_RULE.listener, raw);
            const listener = key !== undefined ? listenerByKey.get(key) : undefined;
            if (listener) listener.targetGroups = [...new Set([...listener.targetGroups, ...actionGroups(r, LISTENER_RULE.actions)])];
        }
        const addTarget = (group: AnalyzedResource, target: Target) => {
            const targets = this.targetsByGroup.get(group);
            if (targets) targets.push(target);
            else this.targetsByGroup.set(group, [target]);
        };
        for (let at = 0; at < graph.resources.length; at++) {
            const r = graph.resources[at];
            if (TARGET_GROUP_TYPES.has(r.type)) {
                // Targets registered inline (aws-native): each names its target and may override the group's port.
                const entries = field(r.props, TARGET_GROUP_INLINE_TARGETS.list);
                if (Array.isArray(entries)) {
                    entries.forEach((entry, i) => {
                        const where = `${TARGET_GROUP_INLINE_TARGETS.list}[${i}]`;
                        const raw = field(entry, TARGET_GROUP_INLINE_TARGETS.target);
                        const id = knownString(raw);
                        let carrier = id !== undefined ? carrierByKey.get(id) : undefined;
                        if (!carrier && isUnknown(raw)) {
                            const fed = dependenciesOf(r, TARGET_GROUP_INLINE_TARGETS.list)
                                .map((urn) => carrierByKey.get(urn))
                                .filter((c): c is Carrier => c !== undefined);
                            if (fed.length === 1) carrier = fed[0];
                        }
                        if (!carrier) return;
                        const own = readInteger(field(entry, TARGET_GROUP_INLINE_TARGETS.port), `${r.name}.${where}.${TARGET_GROUP_INLINE_TARGETS.port}`);
                        const port = own ?? readInteger(field(r.props, TARGET_GROUP.port), `${r.name}.${TARGET_GROUP.port}`);
                        addTarget(r, { carrier, port, via: where });
                    });
                }
            }
            if (TARGET_GROUP_ATTACHMENT_TYPES.has(r.type)) {
                const [group] = named(r, TARGET_GROUP_ATTACHMENT.targetGroup, [field(r.props, TARGET_GROUP_ATTACHMENT.targetGroup)], TARGET_GROUP_TYPES);
                const targetKey = graph.referenced(r, TARGET_GROUP_ATTACHMENT.target, field(r.props, TARGET_GROUP_ATTACHMENT.target));
                const carrier = targetKey !== undefined ? carrierByKey.get(targetKey) : undefined;
                if (!group || !carrier) continue;
                const own = readInteger(field(r.props, TARGET_GROUP_ATTACHMENT.port), `${r.name}.${TARGET_GROUP_ATTACHMENT.port}`);
                const port = own ?? readInteger(field(group.props, TARGET_GROUP.port), `${group.name}.${TARGET_GROUP.port}`);
                addTarget(group, { carrier, port, via: `attachment "${r.name}"` });
            }
            const groupPort = (group: AnalyzedResource) => readInteger(field(group.props, TARGET_GROUP.port), `${group.name}.${TARGET_GROUP.port}`);
            const list = TARGET_GROUP_LISTS.get(r.type);
            if (list) {
                const carrier = carrierByKey.get(r.urn);
                const raw = field(r.props, list);
                const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
                if (carrier)
                    for (const group of named(r, list, values, TARGET_GROUP_TYPES))
                        addTarget(group, { carrier, port: groupPort(group), via: `auto-scaling group "${r.name}" ${list}` });
            }
            if (r.type === AUTOSCALING_ATTACHMENT.type) {
                const [group] = named(r, AUTOSCALING_ATTACHMENT.targetGroup, [field(r.props, AUTOSCALING_ATTACHMENT.targetGroup)], TARGET_GROUP_TYPES);
                const key = graph.referenced(r, AUTOSCALING_ATTACHMENT.group, field(r.props, AUTOSCALING_ATTACHMENT.group));
                const carrier = key !== undefined ? (carrierByKey.get(key) ?? groupByName.get(key)) : undefined;
                if (group && carrier) addTarget(group, { carrier, port: groupPort(group), via: `auto-scaling attachment "${r.name}"` });
            }
            const service = SERVICE_LOAD_BALANCERS.get(r.type);
            if (service) {
                const carrier = carrierByKey.get(r.urn);
                const entries = field(r.props, service.list);
                if (!carrier || !Array.isArray(entries)) continue;
                entries.forEach((entry, i) => {
                    const groups = named(r, service.list, [field(entry, service.targetGroup)], TARGET_GROUP_TYPES);
                    const port = readInteger(field(entry, service.port), `${r.name}.${service.list}[${i}].${service.port}`);
                    for (const group of groups) addTarget(group, { carrier, port, via: `service "${r.name}" ${service.list}[${i}]` });
                });
            }
        }
    }

    listenersOf(loadBalancer: AnalyzedResource): readonly Listener[] {
        return this.listenersByLb.get(loadBalancer) ?? [];
    }

    targetsOf(targetGroup: AnalyzedResource): readonly Target[] {
        return this.targetsByGroup.get(targetGroup) ?? [];
    }

    static isLoadBalancer(resource: AnalyzedResource): boolean {
        return LOAD_BALANCER_TYPES.has(resource.type);
    }

    /** Does the load balancer face the internet (classic `internal`, aws-native `scheme`)? */
    static facing(resource: AnalyzedResource): ReturnType<typeof loadBalancerFacing> {
        return loadBalancerFacing(resource.type, resource.props, resource.name);
    }

    /** "application", "network" or "gateway"; undefined while not known. */
    static kind(resource: AnalyzedResource): string | undefined {
        return loadBalancerKind(resource.type, resource.props);
    }

    /** The address families the internet reaches it on (ipAddressType), with the words for each. */
    static families(resource: AnalyzedResource): ReturnType<typeof loadBalancerFamilies> {
        return loadBalancerFamilies(resource.props, resource.name);
    }
}

export function portText(port: number | Unresolved | undefined): string {
    return port === undefined ? "(no port)" : isUnresolved(port) ? "(port not known yet)" : `${port}`;
}

/**
 * Does the target see the client's own address (so its subnet's network ACL and its groups see internet
 * sources), or the load balancer's private address? Application load balancers always connect from their
 * own addresses. Network load balancers preserve the client's address when the target group's
 * `preserveClientIp` says so, and by default for `instance` targets and for `ip` targets of UDP, TCP_UDP,
 * QUIC and TCP_QUIC groups (AWS, "Client IP preservation", Network Load Balancer target group attributes).
 */
export function clientAddressPreserved(lb: AnalyzedResource, group: AnalyzedResource): { verdict: Tri; text: string; unresolved?: Unresolved } {
    const kindProperty = loadBalancerKindProperty(lb.type);
    const kind = field(lb.props, kindProperty);
    if (isUnknown(kind)) {
        const unresolved = unknownAt(`${lb.name}.${kindProperty}`);
        return { verdict: "maybe", text: `the type of load balancer "${lb.name}" is not known yet (${describeUnresolved(unresolved)})`, unresolved };
    }
    if ((kind ?? "application") !== "network") return { verdict: "no", text: `load balancer "${lb.name}" connects from its own addresses` };
    const own = readBoolean(field(group.props, TARGET_GROUP.preserveClientIp), `${group.name}.${TARGET_GROUP.preserveClientIp}`);
    if (isUnresolved(own))
        return {
            verdict: "maybe",
            text: `whether target group "${group.name}" preserves client addresses is not known (${describeUnresolved(own)})`,
            unresolved: own,
        };
    if (own !== undefined)
        return own
            ? { verdict: "yes", text: `target group "${group.name}" preserves client addresses (preserveClientIp)` }
            : { verdict: "no", text: `target group "${group.name}" does not preserve client addresses (preserveClientIp)` };
    const targetType = field(group.props, TARGET_GROUP.targetType) ?? "instance";
    const protocol = field(group.props, TARGET_GROUP.protocol);
    if (isUnknown(targetType) || (targetType === "ip" && isUnknown(protocol))) {
        const unresolved = unknownAt(`${group.name}.${isUnknown(targetType) ? TARGET_GROUP.targetType : TARGET_GROUP.protocol}`);
        return {
            verdict: "maybe",
            text: `whether target group "${group.name}" preserves client addresses is not known (${describeUnresolved(unresolved)})`,
            unresolved,
        };
    }
    if (targetType === "instance") return { verdict: "yes", text: `target group "${group.name}" preserves client addresses (instance targets, AWS's default)` };
    if (targetType === "ip" && typeof protocol === "string" && ALWAYS_PRESERVING_PROTOCOLS.has(protocol.toUpperCase()))
        return { verdict: "yes", text: `target group "${group.name}" preserves client addresses (ip targets over ${protocol.toUpperCase()})` };
    return {
        verdict: "no",
        text: `target group "${group.name}" does not preserve client addresses (AWS's default for ${String(targetType)} targets over ${String(protocol ?? "TCP")})`,
    };
}
