"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** security-groups-are-attached: a security group that no resource of the stack carries. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
exports.examples = [
    {
        name: "pass_every_group_carried",
        resources: [...exampleParts_1.threeTierBase, (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]), (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")])],
        expect: {},
    },
    {
        // A group used by a resource type tierguard does not model (a VPC endpoint) counts as carried.
        name: "fail_group_nobody_carries",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.securityGroup)("lonely-sg", []),
            (0, exampleParts_1.securityGroup)("endpoint-sg", []),
            { type: "aws:ec2/vpcEndpoint:VpcEndpoint", name: "s3", props: { vpcId: (0, examples_1.ref)("vpc"), securityGroupIds: [(0, examples_1.ref)("endpoint-sg")] } },
            (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]),
            (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")]),
        ],
        expect: { "lonely-sg": "fail" },
    },
];
