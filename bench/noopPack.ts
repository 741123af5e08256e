/**
 * The yardstick: a pack of tierguard's exact shape — the same policies, names, levels and config
 * schemas — whose every policy does nothing. Whatever it costs is the engine protocol's and the
 * SDK's (which deserialises a resource once per policy); what tierguard costs beyond it is ours.
 */
import { PolicyPack } from "@pulumi/policy";
import { packPolicies } from "../policypack/policies";

const noop = () => undefined;
new PolicyPack("tierguard-noop", {
    policies: packPolicies().map((policy) => ("validateResource" in policy ? { ...policy, validateResource: noop } : { ...policy, validateStack: noop })),
});
