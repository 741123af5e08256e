/** tierguard components: three-tier security groups that are correct by construction. */
export {
    TieredSecurityGroups,
    TieredSecurityGroupsArgs,
    TierArgs,
    FlowArgs,
    EgressArgs,
    TierRole,
    TIER_TAG,
    planTieredSecurityGroups,
} from "./tieredSecurityGroups";
export { ThreeTierSecurityGroups, ThreeTierSecurityGroupsArgs, TierEgress, ThreeTierName, planThreeTier } from "./threeTierSecurityGroups";
export { ComponentArgumentError, FlowProtocol, CidrInput, Ports, PortItem, PortRange, IcmpType } from "./validation";
