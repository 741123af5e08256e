/** security-groups-are-attached: a security group that no resource of the stack carries. */
import { StackExample, ref } from "../../kit/examples";
import { database, securityGroup, threeTierBase as base, webServer } from "../../kit/exampleParts";

export const examples: StackExample[] = [
    {
        name: "pass_every_group_carried",
        resources: [...base, webServer([ref("web-sg")]), database([ref("db-sg")])],
        expect: {},
    },
    {
        // A group used by a resource type tierguard does not model (a VPC endpoint) counts as carried.
        name: "fail_group_nobody_carries",
        resources: [
            ...base,
            securityGroup("lonely-sg", []),
            securityGroup("endpoint-sg", []),
            { type: "aws:ec2/vpcEndpoint:VpcEndpoint", name: "s3", props: { vpcId: ref("vpc"), securityGroupIds: [ref("endpoint-sg")] } },
            webServer([ref("web-sg")]),
            database([ref("db-sg")]),
        ],
        expect: { "lonely-sg": "fail" },
    },
];
