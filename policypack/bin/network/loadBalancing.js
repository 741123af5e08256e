"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoadBalancing = void 0;
exports.portText = portText;
exports.clientAddressPreserved = clientAddressPreserved;
/**
 * Load balancers as facts of the stack graph: which listeners each has (port, protocol), which target
 * groups a listener forwards to (default actions and listener rules), and which resources a target group
 * sends traffic to on which port (attachments, ECS services' `loadBalancers`). References resolve by
 * known id (ARN) or, while ids are unknown in a preview, through propertyDependencies. Indexed once per
 * stack on first use.
 */
const loadBalancers_1 = require("../adapters/loadBalancers");
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
const carriers_1 = require("./carriers");
const graph_1 = require("./graph");
function knownString(value) {
    return typeof value === "string" && value !== "" && !(0, propertyReaders_1.isUnknown)(value) ? value : undefined;
}
class LoadBalancing {
    constructor(graph) {
        this.listenersByLb = new Map();
        this.targetsByGroup = new Map();
        const byKey = new Map();
        const index = (r, ids) => {
            byKey.set(r.urn, r);
            for (const id of ids) {
                const value = knownString((0, propertyReaders_1.field)(r.props, id));
                if (value)
                    byKey.set(value, r);
            }
        };
        const carrierByKey = new Map();
        /** Auto-scaling groups by name (their id is their name too). */
        const groupByName = new Map();
        for (const carrier of graph.carriers) {
            carrierByKey.set(carrier.resource.urn, carrier);
            if (loadBalancers_1.TARGET_GROUP_LISTS.has(carrier.resource.type)) {
                const name = knownString((0, propertyReaders_1.field)(carrier.resource.props, "name"));
                if (name)
                    groupByName.set(name, carrier);
            }
            for (const id of ["id", "arn"]) {
                const value = knownString((0, propertyReaders_1.field)(carrier.resource.props, id));
                if (value)
                    carrierByKey.set(value, carrier);
            }
        }
        for (let at = 0; at < graph.resources.length; at++) {
            const r = graph.resources[at];
            if (loadBalancers_1.LOAD_BALANCER_TYPES.has(r.type))
                index(r, loadBalancers_1.LOAD_BALANCER.ids);
            else if (loadBalancers_1.TARGET_GROUP_TYPES.has(r.type))
                index(r, loadBalancers_1.TARGET_GROUP.ids);
            else if (loadBalancers_1.LISTENER_TYPES.has(r.type))
                index(r, loadBalancers_1.LISTENER.ids);
        }
        /** The resources of `types` a property names: known ids, else those that fed it. */
        const named = (holder, property, values, types) => {
            const out = new Set();
            for (const value of values) {
                const id = knownString(value);
                const found = id !== undefined ? byKey.get(id) : undefined;
                if (found && types.has(found.type))
                    out.add(found);
                if ((0, propertyReaders_1.isUnknown)(value)) {
                    for (const urn of (0, graph_1.dependenciesOf)(holder, property)) {
                        const dep = byKey.get(urn);
                        if (dep && types.has(dep.type))
                            out.add(dep);
                    }
                }
            }
            return [...out];
        };
        const actionGroups = (holder, property) => named(holder, property, loadBalancers_1.ACTION_TARGET_GROUP_PATHS.flatMap((path) => (0, carriers_1.valuesAt)(holder.props, [property, "*", ...path])), loadBalancers_1.TARGET_GROUP_TYPES);
        const listenerByKey = new Map();
        for (let at = 0; at < graph.resources.length; at++) {
            const r = graph.resources[at];
            if (!loadBalancers_1.LISTENER_TYPES.has(r.type))
                continue;
            const [lb] = named(r, loadBalancers_1.LISTENER.loadBalancer, [(0, propertyReaders_1.field)(r.props, loadBalancers_1.LISTENER.loadBalancer)], loadBalancers_1.LOAD_BALANCER_TYPES);
            const protocol = knownString((0, propertyReaders_1.field)(r.props, loadBalancers_1.LISTENER.protocol));
            const listener = {
                resource: r,
                port: (0, propertyReaders_1.readInteger)((0, propertyReaders_1.field)(r.props, loadBalancers_1.LISTENER.port), `${r.name}.${loadBalancers_1.LISTENER.port}`),
                protocol,
                targetGroups: actionGroups(r, loadBalancers_1.LISTENER.actions),
            };
            for (const key of [r.urn, knownString((0, propertyReaders_1.field)(r.props, "arn")), knownString((0, propertyReaders_1.field)(r.props, "id"))])
                if (key)
                    listenerByKey.set(key, listener);
            if (!lb)
                continue;
            const listeners = this.listenersByLb.get(lb);
            if (listeners)
                listeners.push(listener);
            else
                this.listenersByLb.set(lb, [listener]);
        }
        for (let at = 0; at < graph.resources.length; at++) {
            const r = graph.resources[at];
            if (!loadBalancers_1.LISTENER_RULE_TYPES.has(r.type))
                continue;
            const raw = (0, propertyReaders_1.field)(r.props, loadBalancers_1.LISTENER_RULE.listener);
            const key = graph.referenced(r, loadBalancers_1.LISTENER_RULE.listener, raw);
            const listener = key !== undefined ? listenerByKey.get(key) : undefined;
            if (listener)
                listener.targetGroups = [...new Set([...listener.targetGroups, ...actionGroups(r, loadBalancers_1.LISTENER_RULE.actions)])];
        }
        const addTarget = (group, target) => {
            const targets = this.targetsByGroup.get(group);
            if (targets)
                targets.push(target);
            else
                this.targetsByGroup.set(group, [target]);
        };
        for (let at = 0; at < graph.resources.length; at++) {
            const r = graph.resources[at];
            if (loadBalancers_1.TARGET_GROUP_TYPES.has(r.type)) {
                // Targets registered inline (aws-native): each names its target and may override the group's port.
                const entries = (0, propertyReaders_1.field)(r.props, loadBalancers_1.TARGET_GROUP_INLINE_TARGETS.list);
                if (Array.isArray(entries)) {
                    entries.forEach((entry, i) => {
                        const where = `${loadBalancers_1.TARGET_GROUP_INLINE_TARGETS.list}[${i}]`;
                        const raw = (0, propertyReaders_1.field)(entry, loadBalancers_1.TARGET_GROUP_INLINE_TARGETS.target);
                        const id = knownString(raw);
                        let carrier = id !== undefined ? carrierByKey.get(id) : undefined;
                        if (!carrier && (0, propertyReaders_1.isUnknown)(raw)) {
                            const fed = (0, graph_1.dependenciesOf)(r, loadBalancers_1.TARGET_GROUP_INLINE_TARGETS.list)
                                .map((urn) => carrierByKey.get(urn))
                                .filter((c) => c !== undefined);
                            if (fed.length === 1)
                                carrier = fed[0];
                        }
                        if (!carrier)
                            return;
                        const own = (0, propertyReaders_1.readInteger)((0, propertyReaders_1.field)(entry, loadBalancers_1.TARGET_GROUP_INLINE_TARGETS.port), `${r.name}.${where}.${loadBalancers_1.TARGET_GROUP_INLINE_TARGETS.port}`);
                        const port = own ?? (0, propertyReaders_1.readInteger)((0, propertyReaders_1.field)(r.props, loadBalancers_1.TARGET_GROUP.port), `${r.name}.${loadBalancers_1.TARGET_GROUP.port}`);
                        addTarget(r, { carrier, port, via: where });
                    });
                }
            }
            if (loadBalancers_1.TARGET_GROUP_ATTACHMENT_TYPES.has(r.type)) {
                const [group] = named(r, loadBalancers_1.TARGET_GROUP_ATTACHMENT.targetGroup, [(0, propertyReaders_1.field)(r.props, loadBalancers_1.TARGET_GROUP_ATTACHMENT.targetGroup)], loadBalancers_1.TARGET_GROUP_TYPES);
                const targetKey = graph.referenced(r, loadBalancers_1.TARGET_GROUP_ATTACHMENT.target, (0, propertyReaders_1.field)(r.props, loadBalancers_1.TARGET_GROUP_ATTACHMENT.target));
                const carrier = targetKey !== undefined ? carrierByKey.get(targetKey) : undefined;
                if (!group || !carrier)
                    continue;
                const own = (0, propertyReaders_1.readInteger)((0, propertyReaders_1.field)(r.props, loadBalancers_1.TARGET_GROUP_ATTACHMENT.port), `${r.name}.${loadBalancers_1.TARGET_GROUP_ATTACHMENT.port}`);
                const port = own ?? (0, propertyReaders_1.readInteger)((0, propertyReaders_1.field)(group.props, loadBalancers_1.TARGET_GROUP.port), `${group.name}.${loadBalancers_1.TARGET_GROUP.port}`);
                addTarget(group, { carrier, port, via: `attachment "${r.name}"` });
            }
            const groupPort = (group) => (0, propertyReaders_1.readInteger)((0, propertyReaders_1.field)(group.props, loadBalancers_1.TARGET_GROUP.port), `${group.name}.${loadBalancers_1.TARGET_GROUP.port}`);
            const list = loadBalancers_1.TARGET_GROUP_LISTS.get(r.type);
            if (list) {
                const carrier = carrierByKey.get(r.urn);
                const raw = (0, propertyReaders_1.field)(r.props, list);
                const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
                if (carrier)
                    for (const group of named(r, list, values, loadBalancers_1.TARGET_GROUP_TYPES))
                        addTarget(group, { carrier, port: groupPort(group), via: `auto-scaling group "${r.name}" ${list}` });
            }
            if (r.type === loadBalancers_1.AUTOSCALING_ATTACHMENT.type) {
                const [group] = named(r, loadBalancers_1.AUTOSCALING_ATTACHMENT.targetGroup, [(0, propertyReaders_1.field)(r.props, loadBalancers_1.AUTOSCALING_ATTACHMENT.targetGroup)], loadBalancers_1.TARGET_GROUP_TYPES);
                const key = graph.referenced(r, loadBalancers_1.AUTOSCALING_ATTACHMENT.group, (0, propertyReaders_1.field)(r.props, loadBalancers_1.AUTOSCALING_ATTACHMENT.group));
                const carrier = key !== undefined ? (carrierByKey.get(key) ?? groupByName.get(key)) : undefined;
                if (group && carrier)
                    addTarget(group, { carrier, port: groupPort(group), via: `auto-scaling attachment "${r.name}"` });
            }
            const service = loadBalancers_1.SERVICE_LOAD_BALANCERS.get(r.type);
            if (service) {
                const carrier = carrierByKey.get(r.urn);
                const entries = (0, propertyReaders_1.field)(r.props, service.list);
                if (!carrier || !Array.isArray(entries))
                    continue;
                entries.forEach((entry, i) => {
                    const groups = named(r, service.list, [(0, propertyReaders_1.field)(entry, service.targetGroup)], loadBalancers_1.TARGET_GROUP_TYPES);
                    const port = (0, propertyReaders_1.readInteger)((0, propertyReaders_1.field)(entry, service.port), `${r.name}.${service.list}[${i}].${service.port}`);
                    for (const group of groups)
                        addTarget(group, { carrier, port, via: `service "${r.name}" ${service.list}[${i}]` });
                });
            }
        }
    }
    listenersOf(loadBalancer) {
        return this.listenersByLb.get(loadBalancer) ?? [];
    }
    targetsOf(targetGroup) {
        return this.targetsByGroup.get(targetGroup) ?? [];
    }
    static isLoadBalancer(resource) {
        return loadBalancers_1.LOAD_BALANCER_TYPES.has(resource.type);
    }
    /** Does the load balancer face the internet (classic `internal`, aws-native `scheme`)? */
    static facing(resource) {
        return (0, loadBalancers_1.loadBalancerFacing)(resource.type, resource.props, resource.name);
    }
    /** "application", "network" or "gateway"; undefined while not known. */
    static kind(resource) {
        return (0, loadBalancers_1.loadBalancerKind)(resource.type, resource.props);
    }
    /** The address families the internet reaches it on (ipAddressType), with the words for each. */
    static families(resource) {
        return (0, loadBalancers_1.loadBalancerFamilies)(resource.props, resource.name);
    }
}
exports.LoadBalancing = LoadBalancing;
function portText(port) {
    return port === undefined ? "(no port)" : (0, unresolved_1.isUnresolved)(port) ? "(port not known yet)" : `${port}`;
}
/**
 * Does the target see the client's own address (so its subnet's network ACL and its groups see internet
 * sources), or the load balancer's private address? Application load balancers always connect from their
 * own addresses. Network load balancers preserve the client's address when the target group's
 * `preserveClientIp` says so, and by default for `instance` targets and for `ip` targets of UDP, TCP_UDP,
 * QUIC and TCP_QUIC groups (AWS, "Client IP preservation", Network Load Balancer target group attributes).
 */
function clientAddressPreserved(lb, group) {
    const kindProperty = (0, loadBalancers_1.loadBalancerKindProperty)(lb.type);
    const kind = (0, propertyReaders_1.field)(lb.props, kindProperty);
    if ((0, propertyReaders_1.isUnknown)(kind)) {
        const unresolved = (0, unresolved_1.unknownAt)(`${lb.name}.${kindProperty}`);
        return { verdict: "maybe", text: `the type of load balancer "${lb.name}" is not known yet (${(0, unresolved_1.describeUnresolved)(unresolved)})`, unresolved };
    }
    if ((kind ?? "application") !== "network")
        return { verdict: "no", text: `load balancer "${lb.name}" connects from its own addresses` };
    const own = (0, propertyReaders_1.readBoolean)((0, propertyReaders_1.field)(group.props, loadBalancers_1.TARGET_GROUP.preserveClientIp), `${group.name}.${loadBalancers_1.TARGET_GROUP.preserveClientIp}`);
    if ((0, unresolved_1.isUnresolved)(own))
        return {
            verdict: "maybe",
            text: `whether target group "${group.name}" preserves client addresses is not known (${(0, unresolved_1.describeUnresolved)(own)})`,
            unresolved: own,
        };
    if (own !== undefined)
        return own
            ? { verdict: "yes", text: `target group "${group.name}" preserves client addresses (preserveClientIp)` }
            : { verdict: "no", text: `target group "${group.name}" does not preserve client addresses (preserveClientIp)` };
    const targetType = (0, propertyReaders_1.field)(group.props, loadBalancers_1.TARGET_GROUP.targetType) ?? "instance";
    const protocol = (0, propertyReaders_1.field)(group.props, loadBalancers_1.TARGET_GROUP.protocol);
    if ((0, propertyReaders_1.isUnknown)(targetType) || (targetType === "ip" && (0, propertyReaders_1.isUnknown)(protocol))) {
        const unresolved = (0, unresolved_1.unknownAt)(`${group.name}.${(0, propertyReaders_1.isUnknown)(targetType) ? loadBalancers_1.TARGET_GROUP.targetType : loadBalancers_1.TARGET_GROUP.protocol}`);
        return {
            verdict: "maybe",
            text: `whether target group "${group.name}" preserves client addresses is not known (${(0, unresolved_1.describeUnresolved)(unresolved)})`,
            unresolved,
        };
    }
    if (targetType === "instance")
        return { verdict: "yes", text: `target group "${group.name}" preserves client addresses (instance targets, AWS's default)` };
    if (targetType === "ip" && typeof protocol === "string" && loadBalancers_1.ALWAYS_PRESERVING_PROTOCOLS.has(protocol.toUpperCase()))
        return { verdict: "yes", text: `target group "${group.name}" preserves client addresses (ip targets over ${protocol.toUpperCase()})` };
    return {
        verdict: "no",
        text: `target group "${group.name}" does not preserve client addresses (AWS's default for ${String(targetType)} targets over ${String(protocol ?? "TCP")})`,
    };
}
