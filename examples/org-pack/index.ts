/**
 * An organisation's own policy pack: tierguard's policies, tuned to the organisation, beside a policy
 * of its own. `new Tierguard({...})` refuses an unknown policy or setting and any value the pack
 * itself would refuse, so a typo fails here rather than leaving a policy weaker than written.
 *
 *     pulumi preview --policy-pack examples/org-pack     (after `npm install` in this folder)
 */
import { PolicyPack, ResourceValidationPolicy } from "@pulumi/policy";
import { Tierguard } from "tierguard/policies";

/** The organisation's own rule: every security group names the team that owns it. */
const securityGroupsHaveAnOwner: ResourceValidationPolicy = {
    name: "org-security-groups-have-an-owner",
    description: "Every security group carries an owner tag, so each finding reaches a team.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ec2/securityGroup:SecurityGroup") return;
        const tags = args.props.tags as Record<string, string> | undefined;
        if (!tags || !tags.owner) reportViolation(`security group "${args.name}" has no owner tag. Fix: add tags: { owner: "<team>" }.`);
    },
};

new PolicyPack("org", {
    policies: [
        ...new Tierguard({
            // Every tierguard policy fails the run unless said otherwise...
            all: "mandatory",
            // ...a rule without a description is only a warning here...
            "security-group-rules-have-descriptions": "advisory",
            // ...one rule opens at most 20 ports...
            "no-wide-ingress-port-ranges": { maxPorts: 20 },
            // ...the internet may reach HTTPS only, and the VPN's range may reach databases directly...
            "internet-ingress-only-on-allowed-ports": { allowedTcpPorts: [443], allowedUdpPorts: [] },
            "database-ingress-from-security-groups-only": { allowedCidrs: ["10.200.0.0/16"] },
            // ...and this organisation does not tag tiers, so tier isolation is off.
            "tier-isolation": "disabled",
        }),
        securityGroupsHaveAnOwner,
    ],
});
