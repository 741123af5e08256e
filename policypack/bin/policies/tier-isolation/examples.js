"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/**
 * tier-isolation: small three-tier stacks (internet → load balancer → web → database) and the one
 * mistake each adds. Who may reach whom is judged on the union of a resource's groups, narrowed by the
 * NACL of its subnet.
 */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const sshFromAnywhere = (0, exampleParts_1.securityGroup)("ssh-sg", [(0, exampleParts_1.tcpFrom)(22, { cidrBlocks: ["0.0.0.0/0"] })]);
const threeTier = [...exampleParts_1.threeTierBase, (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]), (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")])];
const entry = (ruleNo, action, protocol, from, to) => ({
    ruleNo,
    action,
    protocol,
    fromPort: from,
    toPort: to,
    cidrBlock: "0.0.0.0/0",
});
/** The web server with a second group open to SSH, behind a NACL on its subnet with these inbound entries. */
const behindNacl = (ingress) => [
    ...exampleParts_1.threeTierBase,
    sshFromAnywhere,
    {
        type: "aws:ec2/networkAcl:NetworkAcl",
        name: "nacl",
        props: { vpcId: (0, examples_1.ref)("vpc"), subnetIds: [(0, examples_1.ref)("subnet-a")], ingress, egress: [entry(100, "allow", "-1", 0, 0)] },
    },
    (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg"), (0, examples_1.ref)("ssh-sg")]),
    (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")]),
];
const untaggedWorker = (0, exampleParts_1.instance)("worker", { subnetId: (0, examples_1.ref)("subnet-a"), vpcSecurityGroupIds: [(0, examples_1.ref)("web-sg")] });
const auroraCluster = {
    type: "aws:rds/cluster:Cluster",
    name: "aurora",
    props: { clusterIdentifier: "aurora", vpcSecurityGroupIds: [(0, examples_1.ref)("db-sg"), (0, examples_1.ref)("web-sg")] },
};
const auroraMember = (clusterIdentifier) => ({ type: "aws:rds/clusterInstance:ClusterInstance", name: "aurora-1", props: { clusterIdentifier } });
exports.examples = [
    { name: "pass_three_tier_stack", resources: threeTier, expect: {} },
    {
        name: "fail_web_server_reachable_from_the_internet_today",
        resources: [
            ...exampleParts_1.threeTierBase,
            { type: "aws:ec2/internetGateway:InternetGateway", name: "igw", props: { vpcId: (0, examples_1.ref)("vpc") } },
            {
                type: "aws:ec2/routeTable:RouteTable",
                name: "public-rt",
                props: { vpcId: (0, examples_1.ref)("vpc"), routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: (0, examples_1.ref)("igw") }] },
            },
            {
                type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
                name: "subnet-a-rta",
                props: { subnetId: (0, examples_1.ref)("subnet-a"), routeTableId: (0, examples_1.ref)("public-rt") },
            },
            sshFromAnywhere,
            (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg"), (0, examples_1.ref)("ssh-sg")], { associatePublicIpAddress: true }),
            (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")]),
        ],
        expect: { web: "fail" },
        messageContains: { web: ['"web" (tier web, from its tierguard:tier tag) is reachable from the internet (0.0.0.0/0): it carries "ssh-sg"'] },
    },
    {
        name: "fail_database_carries_the_web_group",
        resources: [...exampleParts_1.threeTierBase, (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]), (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg"), (0, examples_1.ref)("web-sg")])],
        expect: { "orders-db": "fail" },
        messageContains: {
            "orders-db": [
                '"orders-db" (tier data, from its type (a data service)) is reachable from tier public',
                'it carries "web-sg", whose ingress[0] allows TCP port 8080',
            ],
        },
    },
    {
        name: "fail_database_open_to_the_internet",
        resources: [
            exampleParts_1.vpc,
            exampleParts_1.subnet,
            exampleParts_1.lbSg,
            exampleParts_1.webSg,
            (0, exampleParts_1.securityGroup)("db-sg", [(0, exampleParts_1.tcpFrom)(5432, { cidrBlocks: ["0.0.0.0/0"] })]),
            exampleParts_1.lb,
            (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]),
            (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")]),
        ],
        expect: { "orders-db": "fail" },
        messageContains: {
            "orders-db": [
                "is open to the internet (0.0.0.0/0) by its security groups, though the internet does not reach it today (it has no public IP",
                'it carries "db-sg", whose ingress[0] allows TCP port 5432 from 0.0.0.0/0',
            ],
        },
    },
    {
        name: "fail_union_of_the_web_servers_groups_opens_ssh",
        resources: [...exampleParts_1.threeTierBase, sshFromAnywhere, (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg"), (0, examples_1.ref)("ssh-sg")]), (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")])],
        expect: { web: "fail" },
        messageContains: { web: ['it carries "ssh-sg"'] },
    },
    {
        // A group outside the stack (a literal id) is a trusted-but-unknown peer, not the internet.
        name: "pass_groups_outside_the_stack",
        resources: [
            exampleParts_1.vpc,
            exampleParts_1.subnet,
            exampleParts_1.lbSg,
            exampleParts_1.webSg,
            (0, exampleParts_1.securityGroup)("db-sg", [(0, exampleParts_1.tcpFrom)(5432, { securityGroups: ["sg-0fedcba9876543210"] })]),
            exampleParts_1.lb,
            (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]),
            (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg"), "sg-0123456789abcdef0"]),
        ],
        expect: {},
    },
    { name: "pass_nacl_denies_ssh_before_its_allow", resources: behindNacl([entry(90, "deny", "tcp", 22, 22), entry(100, "allow", "-1", 0, 0)]), expect: {} },
    {
        name: "fail_nacl_allows_before_its_ssh_deny",
        resources: behindNacl([entry(90, "allow", "-1", 0, 0), entry(100, "deny", "tcp", 22, 22)]),
        expect: { web: "fail" },
    },
    { name: "pass_untagged_resource_when_tiers_are_not_required", resources: [...exampleParts_1.threeTierBase, untaggedWorker, (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")])], expect: {} },
    {
        name: "fail_untagged_resource_when_tiers_are_required",
        resources: [...exampleParts_1.threeTierBase, untaggedWorker, (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")])],
        config: { requireTiers: true },
        expect: { worker: "fail" },
        messageContains: { worker: ["has no tier"] },
    },
    {
        name: "fail_database_reached_through_a_prefix_list_of_the_stack",
        resources: [
            exampleParts_1.vpc,
            exampleParts_1.subnet,
            exampleParts_1.lbSg,
            exampleParts_1.webSg,
            (0, exampleParts_1.securityGroup)("db-sg", [(0, exampleParts_1.tcpFrom)(5432, { prefixListIds: [(0, examples_1.ref)("partners")] })]),
            (0, exampleParts_1.prefixList)("partners", ["198.51.100.0/24", "0.0.0.0/0"]),
            exampleParts_1.lb,
            (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]),
            (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")]),
        ],
        expect: { "orders-db": "fail" },
        messageContains: { "orders-db": ["its entries include the internet"] },
    },
    {
        name: "fail_web_server_reached_through_a_prefix_list_of_the_stack",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.prefixList)("anywhere", ["0.0.0.0/0"]),
            (0, exampleParts_1.securityGroup)("ssh-sg", [(0, exampleParts_1.tcpFrom)(22, { prefixListIds: [(0, examples_1.ref)("anywhere")] }, "via list")]),
            (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg"), (0, examples_1.ref)("ssh-sg")]),
        ],
        expect: { web: "fail" },
        messageContains: { web: ['prefix list "anywhere"', "its entries include the internet: 0.0.0.0/0"] },
    },
    {
        // The configured flows replace the defaults, but a data-tier resource reachable from the public tier always fails.
        name: "fail_database_from_the_public_tier_whatever_the_flows",
        resources: [...exampleParts_1.threeTierBase, (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]), (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg"), (0, examples_1.ref)("web-sg")])],
        config: {
            flows: [
                ["internet", "public"],
                ["public", "web"],
                ["public", "data"],
                ["web", "data"],
            ],
        },
        expect: { "orders-db": "fail" },
    },
    {
        // The database's group id is computed from both groups' outputs: in a preview it may be either, so each is judged.
        name: "cannot_verify_database_whose_group_may_be_the_web_group",
        resources: [...exampleParts_1.threeTierBase, (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]), { ...(0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")]), alsoFedBy: { vpcSecurityGroupIds: ["web-sg"] } }],
        expect: { update: {}, preview: { "orders-db": "cannot verify" } },
        messageContains: { "orders-db": { update: [], preview: ["may be reachable from tier public"] } },
    },
    {
        // Aurora cluster instances carry their cluster's groups, found by clusterIdentifier (known in an update)...
        name: "fail_cluster_instances_carry_the_clusters_groups",
        mode: "update",
        resources: [...exampleParts_1.threeTierBase, auroraCluster, auroraMember("aurora"), (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")])],
        expect: { aurora: "fail", "aurora-1": "fail" },
    },
    {
        // ...or, in a preview, through the property's dependency on the cluster.
        name: "fail_cluster_instances_carry_the_clusters_groups_in_a_preview",
        mode: "preview",
        resources: [...exampleParts_1.threeTierBase, auroraCluster, auroraMember((0, examples_1.ref)("aurora")), (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")])],
        expect: { aurora: "fail", "aurora-1": "fail" },
    },
    {
        name: "fail_web_server_on_the_default_group_with_ssh_open",
        resources: [
            exampleParts_1.vpcWithManagedDefaultGroup,
            exampleParts_1.subnet,
            exampleParts_1.lbSg,
            exampleParts_1.webSg,
            exampleParts_1.dbSg,
            exampleParts_1.lb,
            (0, exampleParts_1.defaultSecurityGroup)([(0, exampleParts_1.tcpFrom)(22, { cidrBlocks: ["0.0.0.0/0"] })]),
            (0, exampleParts_1.instance)("legacy", { subnetId: (0, examples_1.ref)("subnet-a"), vpcSecurityGroupIds: [(0, examples_1.ref)("vpc", "defaultSecurityGroupId")] }, "web"),
        ],
        expect: { legacy: "fail" },
        messageContains: { legacy: ['it carries "default-sg", whose ingress[0] allows TCP port 22 from 0.0.0.0/0'] },
    },
    {
        name: "fail_web_server_through_its_network_interfaces_groups",
        resources: [...exampleParts_1.threeTierBase, sshFromAnywhere, (0, exampleParts_1.networkInterface)("web-eni", [(0, examples_1.ref)("web-sg"), (0, examples_1.ref)("ssh-sg")]), (0, exampleParts_1.instanceOnInterface)("web", (0, examples_1.ref)("web-eni"), "web")],
        expect: { web: "fail" },
        messageContains: {
            web: [
                '"web" (tier web, from its tierguard:tier tag) is open to the internet (0.0.0.0/0) by its security groups, though the internet does not reach it today (it has no public IP (subnet "subnet-a" does not set mapPublicIpOnLaunch)',
                'it carries "ssh-sg"',
            ],
        },
    },
];
