/** no-mixed-inline-and-standalone-rules: a security group keeps its rules one way, inline or as standalone rule resources. */
import { StackExample, ref } from "../../kit/examples";
import { database, threeTierBase as base, webServer } from "../../kit/exampleParts";

/** An SSH rule of its own, as an aws.vpc.SecurityGroupIngressRule on `group`. */
const sshRuleOn = (group: string) => ({
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    name: "extra-ssh",
    props: { securityGroupId: ref(group), ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/8", description: "ops" },
});
/** A group whose rules are all standalone; once deployed, its recorded `ingress` lists them. */
const opsGroup = (deployed: boolean) => ({
    type: "aws:ec2/securityGroup:SecurityGroup",
    name: "ops-sg",
    props: {
        vpcId: ref("vpc"),
        ...(deployed ? { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"], description: "ops" }], egress: [] } : {}),
    },
});

export const examples: StackExample[] = [
    {
        name: "fail_inline_rules_and_a_standalone_rule_on_one_group",
        resources: [...base, sshRuleOn("web-sg"), webServer([ref("web-sg")]), database([ref("db-sg")])],
        expect: { "web-sg": "fail" },
        messageContains: { "web-sg": ['standalone rule resources ("extra-ssh")'] },
    },
    {
        // A deployed group's outputs list the rules its standalone resources made: those are theirs, not inline.
        name: "pass_only_standalone_rules_listed_in_the_deployed_groups_outputs",
        mode: "update",
        resources: [...base, opsGroup(true), sshRuleOn("ops-sg"), webServer([ref("web-sg"), ref("ops-sg")]), database([ref("db-sg")])],
        expect: {},
    },
    {
        name: "pass_only_standalone_rules",
        mode: "preview",
        resources: [...base, opsGroup(false), sshRuleOn("ops-sg"), webServer([ref("web-sg"), ref("ops-sg")]), database([ref("db-sg")])],
        expect: {},
    },
];
