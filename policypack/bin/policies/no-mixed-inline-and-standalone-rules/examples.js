"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** no-mixed-inline-and-standalone-rules: a security group keeps its rules one way, inline or as standalone rule resources. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
/** An SSH rule of its own, as an aws.vpc.SecurityGroupIngressRule on `group`. */
const sshRuleOn = (group) => ({
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    name: "extra-ssh",
    props: { securityGroupId: (0, examples_1.ref)(group), ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/8", description: "ops" },
});
/** A group whose rules are all standalone; once deployed, its recorded `ingress` lists them. */
const opsGroup = (deployed) => ({
    type: "aws:ec2/securityGroup:SecurityGroup",
    name: "ops-sg",
    props: {
        vpcId: (0, examples_1.ref)("vpc"),
        ...(deployed ? { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"], description: "ops" }], egress: [] } : {}),
    },
});
exports.examples = [
    {
        name: "fail_inline_rules_and_a_standalone_rule_on_one_group",
        resources: [...exampleParts_1.threeTierBase, sshRuleOn("web-sg"), (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]), (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")])],
        expect: { "web-sg": "fail" },
        messageContains: { "web-sg": ['standalone rule resources ("extra-ssh")'] },
    },
    {
        // A deployed group's outputs list the rules its standalone resources made: those are theirs, not inline.
        name: "pass_only_standalone_rules_listed_in_the_deployed_groups_outputs",
        mode: "update",
        resources: [...exampleParts_1.threeTierBase, opsGroup(true), sshRuleOn("ops-sg"), (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg"), (0, examples_1.ref)("ops-sg")]), (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")])],
        expect: {},
    },
    {
        name: "pass_only_standalone_rules",
        mode: "preview",
        resources: [...exampleParts_1.threeTierBase, opsGroup(false), sshRuleOn("ops-sg"), (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg"), (0, examples_1.ref)("ops-sg")]), (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")])],
        expect: {},
    },
];
