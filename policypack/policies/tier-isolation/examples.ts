/**
 * tier-isolation: small three-tier stacks (internet → load balancer → web → database) and the one
 * mistake each adds. Who may reach whom is judged on the union of a resource's groups, narrowed by the
 * NACL of its subnet.
 */
import { StackExample, ref } from "../../kit/examples";
import {
    database,
    dbSg,
    defaultSecurityGroup,
    instance,
    instanceOnInterface,
    lb,
    lbSg,
    networkInterface,
    prefixList,
    securityGroup,
    subnet,
    tcpFrom,
    threeTierBase as base,
    vpc,
    vpcWithManagedDefaultGroup,
    webServer,
    webSg,
} from "../../kit/exampleParts";

const sshFromAnywhere = securityGroup("ssh-sg", [tcpFrom(22, { cidrBlocks: ["0.0.0.0/0"] })]);
const threeTier = [...base, webServer([ref("web-sg")]), database([ref("db-sg")])];
const entry = (ruleNo: number, action: string, protocol: string, from: number, to: number) => ({
    ruleNo,
    action,
    protocol,
    fromPort: from,
    toPort: to,
    cidrBlock: "0.0.0.0/0",
});
/** The web server with a second group open to SSH, behind a NACL on its subnet with these inbound entries. */
const behindNacl = (ingress: unknown[]) => [
    ...base,
    sshFromAnywhere,
    {
        type: "aws:ec2/networkAcl:NetworkAcl",
        name: "nacl",
        props: { vpcId: ref("vpc"), subnetIds: [ref("subnet-a")], ingress, egress: [entry(100, "allow", "-1", 0, 0)] },
    },
    webServer([ref("web-sg"), ref("ssh-sg")]),
    database([ref("db-sg")]),
];
const untaggedWorker = instance("worker", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("web-sg")] });
const auroraCluster = {
    type: "aws:rds/cluster:Cluster",
    name: "aurora",
    props: { clusterIdentifier: "aurora", vpcSecurityGroupIds: [ref("db-sg"), ref("web-sg")] },
};
const auroraMember = (clusterIdentifier: unknown) => ({ type: "aws:rds/clusterInstance:ClusterInstance", name: "aurora-1", props: { clusterIdentifier } });

export const examples: StackExample[] = [
    { name: "pass_three_tier_stack", resources: threeTier, expect: {} },
    {
        name: "fail_web_server_reachable_from_the_internet_today",
        resources: [
            ...base,
            { type: "aws:ec2/internetGateway:InternetGateway", name: "igw", props: { vpcId: ref("vpc") } },
            {
                type: "aws:ec2/routeTable:RouteTable",
                name: "public-rt",
                props: { vpcId: ref("vpc"), routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: ref("igw") }] },
            },
            {
                type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
                name: "subnet-a-rta",
                props: { subnetId: ref("subnet-a"), routeTableId: ref("public-rt") },
            },
            sshFromAnywhere,
            webServer([ref("web-sg"), ref("ssh-sg")], { associatePublicIpAddress: true }),
            database([ref("db-sg")]),
        ],
        expect: { web: "fail" },
        messageContains: { web: ['"web" (tier web, from its tierguard:tier tag) is reachable from the internet (0.0.0.0/0): it carries "ssh-sg"'] },
    },
    {
        name: "fail_database_carries_the_web_group",
        resources: [...base, webServer([ref("web-sg")]), database([ref("db-sg"), ref("web-sg")])],
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
            vpc,
            subnet,
            lbSg,
            webSg,
            securityGroup("db-sg", [tcpFrom(5432, { cidrBlocks: ["0.0.0.0/0"] })]),
            lb,
            webServer([ref("web-sg")]),
            database([ref("db-sg")]),
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
        resources: [...base, sshFromAnywhere, webServer([ref("web-sg"), ref("ssh-sg")]), database([ref("db-sg")])],
        expect: { web: "fail" },
        messageContains: { web: ['it carries "ssh-sg"'] },
    },
    {
        // A group outside the stack (a literal id) is a trusted-but-unknown peer, not the internet.
        name: "pass_groups_outside_the_stack",
        resources: [
            vpc,
            subnet,
            lbSg,
            webSg,
            securityGroup("db-sg", [tcpFrom(5432, { securityGroups: ["sg-0fedcba9876543210"] })]),
            lb,
            webServer([ref("web-sg")]),
            database([ref("db-sg"), "sg-0123456789abcdef0"]),
        ],
        expect: {},
    },
    { name: "pass_nacl_denies_ssh_before_its_allow", resources: behindNacl([entry(90, "deny", "tcp", 22, 22), entry(100, "allow", "-1", 0, 0)]), expect: {} },
    {
        name: "fail_nacl_allows_before_its_ssh_deny",
        resources: behindNacl([entry(90, "allow", "-1", 0, 0), entry(100, "deny", "tcp", 22, 22)]),
        expect: { web: "fail" },
    },
    { name: "pass_untagged_resource_when_tiers_are_not_required", resources: [...base, untaggedWorker, database([ref("db-sg")])], expect: {} },
    {
        name: "fail_untagged_resource_when_tiers_are_required",
        resources: [...base, untaggedWorker, database([ref("db-sg")])],
        config: { requireTiers: true },
        expect: { worker: "fail" },
        messageContains: { worker: ["has no tier"] },
    },
    {
        name: "fail_database_reached_through_a_prefix_list_of_the_stack",
        resources: [
            vpc,
            subnet,
            lbSg,
            webSg,
            securityGroup("db-sg", [tcpFrom(5432, { prefixListIds: [ref("partners")] })]),
            prefixList("partners", ["198.51.100.0/24", "0.0.0.0/0"]),
            lb,
            webServer([ref("web-sg")]),
            database([ref("db-sg")]),
        ],
        expect: { "orders-db": "fail" },
        messageContains: { "orders-db": ["its entries include the internet"] },
    },
    {
        name: "fail_web_server_reached_through_a_prefix_list_of_the_stack",
        resources: [
            ...base,
            prefixList("anywhere", ["0.0.0.0/0"]),
            securityGroup("ssh-sg", [tcpFrom(22, { prefixListIds: [ref("anywhere")] }, "via list")]),
            webServer([ref("web-sg"), ref("ssh-sg")]),
        ],
        expect: { web: "fail" },
        messageContains: { web: ['prefix list "anywhere"', "its entries include the internet: 0.0.0.0/0"] },
    },
    {
        // The configured flows replace the defaults, but a data-tier resource reachable from the public tier always fails.
        name: "fail_database_from_the_public_tier_whatever_the_flows",
        resources: [...base, webServer([ref("web-sg")]), database([ref("db-sg"), ref("web-sg")])],
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
        resources: [...base, webServer([ref("web-sg")]), { ...database([ref("db-sg")]), alsoFedBy: { vpcSecurityGroupIds: ["web-sg"] } }],
        expect: { update: {}, preview: { "orders-db": "cannot verify" } },
        messageContains: { "orders-db": { update: [], preview: ["may be reachable from tier public"] } },
    },
    {
        // Aurora cluster instances carry their cluster's groups, found by clusterIdentifier (known in an update)...
        name: "fail_cluster_instances_carry_the_clusters_groups",
        mode: "update",
        resources: [...base, auroraCluster, auroraMember("aurora"), webServer([ref("web-sg")])],
        expect: { aurora: "fail", "aurora-1": "fail" },
    },
    {
        // ...or, in a preview, through the property's dependency on the cluster.
        name: "fail_cluster_instances_carry_the_clusters_groups_in_a_preview",
        mode: "preview",
        resources: [...base, auroraCluster, auroraMember(ref("aurora")), webServer([ref("web-sg")])],
        expect: { aurora: "fail", "aurora-1": "fail" },
    },
    {
        name: "fail_web_server_on_the_default_group_with_ssh_open",
        resources: [
            vpcWithManagedDefaultGroup,
            subnet,
            lbSg,
            webSg,
            dbSg,
            lb,
            defaultSecurityGroup([tcpFrom(22, { cidrBlocks: ["0.0.0.0/0"] })]),
            instance("legacy", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("vpc", "defaultSecurityGroupId")] }, "web"),
        ],
        expect: { legacy: "fail" },
        messageContains: { legacy: ['it carries "default-sg", whose ingress[0] allows TCP port 22 from 0.0.0.0/0'] },
    },
    {
        name: "fail_web_server_through_its_network_interfaces_groups",
        resources: [...base, sshFromAnywhere, networkInterface("web-eni", [ref("web-sg"), ref("ssh-sg")]), instanceOnInterface("web", ref("web-eni"), "web")],
        expect: { web: "fail" },
        messageContains: {
            web: [
                '"web" (tier web, from its tierguard:tier tag) is open to the internet (0.0.0.0/0) by its security groups, though the internet does not reach it today (it has no public IP (subnet "subnet-a" does not set mapPublicIpOnLaunch)',
                'it carries "ssh-sg"',
            ],
        },
    },
];
