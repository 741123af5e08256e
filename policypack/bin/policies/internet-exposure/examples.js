"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/**
 * internet-exposure: pairs of near-identical stacks, one the internet reaches and one it does not, for
 * each hop of a direct path — public address, route table (explicit, main, default), internet gateway
 * (not egress-only), network ACL first match, security group — and for each way a resource gets an
 * address (its own switch, its subnet's default, an Elastic IP, ECS assignPublicIp, RDS publiclyAccessible);
 * for routes that are not exactly 0.0.0.0/0 (halves, prefix lists, longest-prefix match), VPC Block Public
 * Access with and without exclusions, aws-native routing and load balancers, and load balancers over IPv6.
 */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const igw = { type: "aws:ec2/internetGateway:InternetGateway", name: "igw", props: { vpcId: (0, examples_1.ref)("vpc") } };
const eigw = { type: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", name: "eigw", props: { vpcId: (0, examples_1.ref)("vpc") } };
const routeTable = (name, routes) => ({
    type: "aws:ec2/routeTable:RouteTable",
    name,
    props: { vpcId: (0, examples_1.ref)("vpc"), routes },
});
const publicRt = routeTable("public-rt", [{ cidrBlock: "0.0.0.0/0", gatewayId: (0, examples_1.ref)("igw") }]);
const privateRt = routeTable("private-rt", []);
const subnetNamed = (name, cidrBlock, extra = {}) => ({
    type: "aws:ec2/subnet:Subnet",
    name,
    props: { vpcId: (0, examples_1.ref)("vpc"), cidrBlock, ...extra },
});
const association = (subnet, table) => ({
    type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    name: `${subnet}-rta`,
    props: { subnetId: (0, examples_1.ref)(subnet), routeTableId: (0, examples_1.ref)(table) },
});
const publicSubnet = subnetNamed("public-a", "10.0.1.0/24");
const privateSubnet = subnetNamed("private-a", "10.0.2.0/24");
/** A VPC with an internet gateway, a public subnet (its table routes 0.0.0.0/0 to the gateway) and a private one. */
const network = [exampleParts_1.vpc, igw, publicRt, privateRt, publicSubnet, privateSubnet, association("public-a", "public-rt"), association("private-a", "private-rt")];
const sshSg = (0, exampleParts_1.securityGroup)("ssh-sg", [(0, exampleParts_1.tcpFrom)(22, { cidrBlocks: ["0.0.0.0/0"] })]);
const instance = (name, props) => ({
    type: "aws:ec2/instance:Instance",
    name,
    props: { ami: "ami-1", instanceType: "t3.micro", vpcSecurityGroupIds: [(0, examples_1.ref)("ssh-sg")], ...props },
});
const web = (props) => instance("web-1", props);
const dbSg = (0, exampleParts_1.securityGroup)("db-sg", [(0, exampleParts_1.tcpFrom)(5432, { cidrBlocks: ["0.0.0.0/0"] })]);
const dbSubnets = (subnet) => ({
    type: "aws:rds/subnetGroup:SubnetGroup",
    name: "db-subnets",
    props: { subnetIds: [(0, examples_1.ref)(subnet)] },
    outputs: { name: "db-subnets" },
});
const rds = (publiclyAccessible) => ({
    type: "aws:rds/instance:Instance",
    name: "orders-db",
    props: { engine: "postgres", publiclyAccessible, dbSubnetGroupName: (0, examples_1.ref)("db-subnets", "name"), vpcSecurityGroupIds: [(0, examples_1.ref)("db-sg")] },
});
const nacl = (ingress) => ({
    type: "aws:ec2/networkAcl:NetworkAcl",
    name: "nacl",
    props: {
        vpcId: (0, examples_1.ref)("vpc"),
        subnetIds: [(0, examples_1.ref)("public-a")],
        ingress,
        egress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }],
    },
});
const naclEntry = (ruleNo, action, protocol, fromPort, toPort) => ({
    ruleNo,
    action,
    protocol,
    fromPort,
    toPort,
    cidrBlock: "0.0.0.0/0",
});
/** IPv6: a dual-stack subnet whose instances get an IPv6 address, its table routing ::/0 through `target`. */
const ipv6Stack = (target) => [
    exampleParts_1.vpc,
    igw,
    eigw,
    routeTable("v6-rt", [{ ipv6CidrBlock: "::/0", ...target }]),
    subnetNamed("dual-a", "10.0.3.0/24", { ipv6CidrBlock: "2600:1f18::/64", assignIpv6AddressOnCreation: true }),
    association("dual-a", "v6-rt"),
    (0, exampleParts_1.securityGroup)("ssh6-sg", [(0, exampleParts_1.tcpFrom)(22, { ipv6CidrBlocks: ["::/0"] })]),
    instance("web-6", { subnetId: (0, examples_1.ref)("dual-a"), vpcSecurityGroupIds: [(0, examples_1.ref)("ssh6-sg")] }),
];
const ecsService = (assignPublicIp) => ({
    type: "aws:ecs/service:Service",
    name: "api",
    props: { cluster: "main", desiredCount: 1, networkConfiguration: { subnets: [(0, examples_1.ref)("public-a")], securityGroups: [(0, examples_1.ref)("ssh-sg")], assignPublicIp } },
});
// --- Load balancers ---------------------------------------------------------------------------------------
const lbSgOn = (port) => (0, exampleParts_1.securityGroup)("lb-sg", [(0, exampleParts_1.tcpFrom)(port, { cidrBlocks: ["0.0.0.0/0"] })]);
const loadBalancer = (props) => ({
    type: "aws:lb/loadBalancer:LoadBalancer",
    name: "lb",
    props: { loadBalancerType: "application", subnets: [(0, examples_1.ref)("public-a")], securityGroups: [(0, examples_1.ref)("lb-sg")], ...props },
});
const targetGroup = (port) => ({
    type: "aws:lb/targetGroup:TargetGroup",
    name: "tg",
    props: { port, protocol: "HTTP", vpcId: (0, examples_1.ref)("vpc"), targetType: "instance" },
});
const listener = (port, protocol = "HTTPS") => ({
    type: "aws:lb/listener:Listener",
    name: "front",
    props: { loadBalancerArn: (0, examples_1.ref)("lb"), port, protocol, defaultActions: [{ type: "forward", targetGroupArn: (0, examples_1.ref)("tg") }] },
});
/** An instance in the private subnet, without a public address, registered in the target group. */
const appBehind = (appSg) => [
    appSg,
    instance("app-1", { subnetId: (0, examples_1.ref)("private-a"), vpcSecurityGroupIds: [(0, examples_1.ref)(appSg.name)] }),
    { type: "aws:lb/targetGroupAttachment:TargetGroupAttachment", name: "app-1-tg", props: { targetGroupArn: (0, examples_1.ref)("tg"), targetId: (0, examples_1.ref)("app-1") } },
];
const appSgFromLb = (port) => (0, exampleParts_1.securityGroup)("app-sg", [(0, exampleParts_1.tcpFrom)(port, { securityGroups: [(0, examples_1.ref)("lb-sg")] })]);
const albStack = (lbPort, targetPort, lbProps = {}) => [
    ...network,
    lbSgOn(lbPort),
    loadBalancer(lbProps),
    targetGroup(targetPort),
    listener(lbPort),
    ...appBehind(appSgFromLb(targetPort)),
];
// --- VPC Block Public Access -------------------------------------------------------------------------
const bpa = (mode, type = "aws:ec2/vpcBlockPublicAccessOptions:VpcBlockPublicAccessOptions") => ({
    type,
    name: "bpa",
    props: { internetGatewayBlockMode: mode },
});
const bpaExclusion = (scope, mode) => ({
    type: "aws:ec2/vpcBlockPublicAccessExclusion:VpcBlockPublicAccessExclusion",
    name: "bpa-exclusion",
    props: { internetGatewayExclusionMode: mode, ...scope },
});
/** The public instance of the first example: SSH open, a public IP, in the public subnet. */
const exposedWeb = [...network, sshSg, web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true })];
// --- Routes that are not exactly /0 -----------------------------------------------------------------------
/** The public instance in subnet "edge-a", whose route table has these routes. */
const routedStack = (routes, extra = []) => [
    exampleParts_1.vpc,
    igw,
    { type: "aws:ec2/natGateway:NatGateway", name: "nat", props: { subnetId: (0, examples_1.ref)("private-a") } },
    privateSubnet,
    routeTable("edge-rt", routes),
    subnetNamed("edge-a", "10.0.6.0/24"),
    association("edge-a", "edge-rt"),
    ...extra,
    sshSg,
    web({ subnetId: (0, examples_1.ref)("edge-a"), associatePublicIpAddress: true }),
];
const prefixList = (entries) => ({
    type: "aws:ec2/managedPrefixList:ManagedPrefixList",
    name: "dest-pl",
    props: { name: "dest", addressFamily: "IPv4", maxEntries: 5, entries: entries.map((cidr) => ({ cidr })) },
});
// --- aws-native routing and load balancers ---------------------------------------------------------------
const nativeVpc = { type: "aws-native:ec2:Vpc", name: "nvpc", props: { cidrBlock: "10.1.0.0/16" } };
const nativeIgw = { type: "aws-native:ec2:InternetGateway", name: "nigw", props: {} };
/** An aws-native VPC whose subnet "n-public" uses "n-rt", with one route to `target` (the internet gateway, or a NAT gateway). */
const nativeNetwork = (target) => [
    nativeVpc,
    nativeIgw,
    { type: "aws-native:ec2:VpcGatewayAttachment", name: "nigw-attach", props: { vpcId: (0, examples_1.ref)("nvpc"), internetGatewayId: (0, examples_1.ref)("nigw") } },
    { type: "aws-native:ec2:Subnet", name: "n-private", props: { vpcId: (0, examples_1.ref)("nvpc"), cidrBlock: "10.1.2.0/24" } },
    { type: "aws-native:ec2:NatGateway", name: "nnat", props: { subnetId: (0, examples_1.ref)("n-private") } },
    { type: "aws-native:ec2:RouteTable", name: "n-rt", props: { vpcId: (0, examples_1.ref)("nvpc") } },
    {
        type: "aws-native:ec2:Route",
        name: "n-default",
        props: {
            routeTableId: (0, examples_1.ref)("n-rt"),
            destinationCidrBlock: "0.0.0.0/0",
            ...(target === "gateway" ? { gatewayId: (0, examples_1.ref)("nigw") } : { natGatewayId: (0, examples_1.ref)("nnat") }),
        },
    },
    { type: "aws-native:ec2:Subnet", name: "n-public", props: { vpcId: (0, examples_1.ref)("nvpc"), cidrBlock: "10.1.1.0/24", mapPublicIpOnLaunch: true } },
    { type: "aws-native:ec2:SubnetRouteTableAssociation", name: "n-public-rta", props: { subnetId: (0, examples_1.ref)("n-public"), routeTableId: (0, examples_1.ref)("n-rt") } },
];
const nativeSshSg = {
    type: "aws-native:ec2:SecurityGroup",
    name: "n-ssh-sg",
    props: { groupDescription: "ssh", vpcId: (0, examples_1.ref)("nvpc"), securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "0.0.0.0/0" }] },
};
const nativeInstance = {
    type: "aws-native:ec2:Instance",
    name: "n-web",
    props: { imageId: "ami-1", instanceType: "t3.micro", subnetId: (0, examples_1.ref)("n-public"), securityGroupIds: [(0, examples_1.ref)("n-ssh-sg")] },
};
/** An aws-native ALB on 443 in "n-public", forwarding to "n-app" (private subnet) on `targetPort`, inline targets. */
const nativeAlbStack = (lbProps, targetPort) => [
    ...nativeNetwork("gateway"),
    {
        type: "aws-native:ec2:SecurityGroup",
        name: "n-lb-sg",
        props: { groupDescription: "lb", vpcId: (0, examples_1.ref)("nvpc"), securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0" }] },
    },
    {
        type: "aws-native:ec2:SecurityGroup",
        name: "n-app-sg",
        props: {
            groupDescription: "app",
            vpcId: (0, examples_1.ref)("nvpc"),
            securityGroupIngress: [{ ipProtocol: "tcp", fromPort: targetPort, toPort: targetPort, sourceSecurityGroupId: (0, examples_1.ref)("n-lb-sg") }],
        },
    },
    {
        type: "aws-native:ec2:Instance",
        name: "n-app",
        props: { imageId: "ami-1", instanceType: "t3.micro", subnetId: (0, examples_1.ref)("n-private"), securityGroupIds: [(0, examples_1.ref)("n-app-sg")] },
    },
    {
        type: "aws-native:elasticloadbalancingv2:LoadBalancer",
        name: "n-lb",
        props: { type: "application", subnets: [(0, examples_1.ref)("n-public")], securityGroups: [(0, examples_1.ref)("n-lb-sg")], ...lbProps },
    },
    {
        type: "aws-native:elasticloadbalancingv2:TargetGroup",
        name: "n-tg",
        props: { port: targetPort, protocol: "HTTP", vpcId: (0, examples_1.ref)("nvpc"), targetType: "instance", targets: [{ id: (0, examples_1.ref)("n-app") }] },
    },
    {
        type: "aws-native:elasticloadbalancingv2:Listener",
        name: "n-front",
        props: {
            loadBalancerArn: (0, examples_1.ref)("n-lb"),
            port: 443,
            protocol: "HTTPS",
            defaultActions: [{ type: "forward", forwardConfig: { targetGroups: [{ targetGroupArn: (0, examples_1.ref)("n-tg") }] } }],
        },
    },
];
// --- Load balancers over IPv6 ------------------------------------------------------------------------------
/** An ALB on 8443 (outside the allow-list, open to ::/0) in a subnet whose only internet route is ::/0 to the internet gateway. */
const ipv6AlbStack = (ipAddressType) => [
    exampleParts_1.vpc,
    igw,
    routeTable("v6-rt", [{ ipv6CidrBlock: "::/0", gatewayId: (0, examples_1.ref)("igw") }]),
    subnetNamed("dual-a", "10.0.3.0/24", { ipv6CidrBlock: "2600:1f18::/64" }),
    association("dual-a", "v6-rt"),
    (0, exampleParts_1.securityGroup)("lb-sg", [(0, exampleParts_1.tcpFrom)(8443, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] })]),
    loadBalancer({ subnets: [(0, examples_1.ref)("dual-a")], ...(ipAddressType ? { ipAddressType } : {}) }),
    targetGroup(8080),
    listener(8443),
];
// --- Launch templates and auto-scaling groups -------------------------------------------------------------
/** A launch template whose one interface carries `group` and sets associatePublicIpAddress (a string in @pulumi/aws). */
const launchTemplate = (name, associatePublicIpAddress, group = "ssh-sg", extra = {}) => ({
    type: "aws:ec2/launchTemplate:LaunchTemplate",
    name,
    props: {
        imageId: "ami-1",
        instanceType: "t3.micro",
        networkInterfaces: [{ deviceIndex: 0, securityGroups: [(0, examples_1.ref)(group)], ...(associatePublicIpAddress === undefined ? {} : { associatePublicIpAddress }) }],
        ...extra,
    },
});
const autoScalingGroup = (name, props) => ({
    type: "aws:autoscaling/group:Group",
    name,
    props: { minSize: 1, maxSize: 3, ...props },
});
/** An internet-facing ALB on 443 forwarding to an auto-scaling group of the private subnet on `targetPort`. */
const albToAutoScaling = (targetPort, register) => [
    ...network,
    lbSgOn(443),
    loadBalancer({}),
    targetGroup(targetPort),
    listener(443),
    (0, exampleParts_1.securityGroup)("app-sg", [(0, exampleParts_1.tcpFrom)(targetPort, { securityGroups: [(0, examples_1.ref)("lb-sg")] })]),
    launchTemplate("app-lt", undefined, "app-sg"),
    autoScalingGroup("app-asg", {
        vpcZoneIdentifiers: [(0, examples_1.ref)("private-a")],
        launchTemplate: { id: (0, examples_1.ref)("app-lt") },
        ...(register === "targetGroupArns" ? { targetGroupArns: [(0, examples_1.ref)("tg")] } : {}),
    }),
    ...(register === "attachment"
        ? [
            {
                type: "aws:autoscaling/attachment:Attachment",
                name: "app-asg-tg",
                props: { autoscalingGroupName: (0, examples_1.ref)("app-asg"), lbTargetGroupArn: (0, examples_1.ref)("tg") },
            },
        ]
        : []),
];
/** An instance launched on an existing network interface of the public subnet; the interface carries the SSH group. */
const eniStack = () => [
    ...network,
    sshSg,
    { type: "aws:ec2/networkInterface:NetworkInterface", name: "web-eni", props: { subnetId: (0, examples_1.ref)("public-a"), securityGroups: [(0, examples_1.ref)("ssh-sg")] } },
    {
        type: "aws:ec2/instance:Instance",
        name: "web-1",
        props: { ami: "ami-1", instanceType: "t3.micro", primaryNetworkInterface: { networkInterfaceId: (0, examples_1.ref)("web-eni") } },
    },
];
// --- The target subnet's network ACL on a load-balancer path ------------------------------------------------------
/** A network ACL of the target's subnet (private-a) with these inbound entries. */
const targetNacl = (ingress) => ({
    ...nacl(ingress),
    name: "target-nacl",
    props: { ...nacl(ingress).props, subnetIds: [(0, examples_1.ref)("private-a")] },
});
const entryFrom = (ruleNo, action, port, cidrBlock) => ({
    ruleNo,
    action,
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    cidrBlock,
});
/** An internet-facing NLB without groups, listening on TCP 443 and forwarding to port 22 of an instance in private-a whose group admits the internet. */
const nlbToSsh = (targetGroupProps, extra) => [
    ...network,
    { type: "aws:lb/loadBalancer:LoadBalancer", name: "lb", props: { loadBalancerType: "network", subnets: [(0, examples_1.ref)("public-a")] } },
    { ...targetGroup(22), props: { ...targetGroup(22).props, protocol: "TCP", ...targetGroupProps } },
    listener(443, "TCP"),
    ...appBehind((0, exampleParts_1.securityGroup)("app-sg", [(0, exampleParts_1.tcpFrom)(22, { cidrBlocks: ["0.0.0.0/0"] })])),
    ...extra,
];
/** The target subnet lets port 22 in only from inside the VPC: the load balancer's own addresses pass, the internet's do not. */
const vpcOnlySsh = targetNacl([entryFrom(100, "allow", 22, "10.0.0.0/16")]);
exports.examples = [
    // --- Public vs private subnet -------------------------------------------------------------------
    {
        name: "fail_ssh_open_on_instance_with_public_ip_in_public_subnet",
        resources: [...network, sshSg, web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true })],
        expect: { "web-1": "fail" },
        messageContains: {
            "web-1": [
                'is reachable from the internet on SSH (22), an admin port: internet (0.0.0.0/0) → internet gateway "igw" → route table "public-rt" (routes[0]: 0.0.0.0/0, its explicit association) → subnet "public-a" → NACL: AWS\'s default ACL (allows all) → security group "ssh-sg" ingress[0] TCP port 22 → "web-1" (public IP: associatePublicIpAddress is true)',
                "Fix:",
            ],
        },
    },
    {
        name: "pass_same_instance_in_private_subnet",
        resources: [...network, sshSg, web({ subnetId: (0, examples_1.ref)("private-a"), associatePublicIpAddress: true })],
        expect: {},
    },
    {
        name: "pass_public_subnet_but_no_public_ip",
        resources: [...network, sshSg, web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: false })],
        expect: {},
    },
    // --- Ports: the allow-list, and config --------------------------------------------------------------
    {
        name: "pass_https_on_public_instance",
        resources: [
            ...network,
            (0, exampleParts_1.securityGroup)("ssh-sg", [(0, exampleParts_1.tcpFrom)(443, { cidrBlocks: ["0.0.0.0/0"] })]),
            web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true }),
        ],
        expect: {},
    },
    {
        name: "fail_port_outside_allow_list_on_public_instance",
        resources: [
            ...network,
            (0, exampleParts_1.securityGroup)("ssh-sg", [(0, exampleParts_1.tcpFrom)(8080, { cidrBlocks: ["0.0.0.0/0"] })]),
            web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true }),
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ["TCP port 8080, outside the allow-list"] },
    },
    {
        name: "pass_port_added_to_allow_list_in_config",
        resources: [
            ...network,
            (0, exampleParts_1.securityGroup)("ssh-sg", [(0, exampleParts_1.tcpFrom)(8080, { cidrBlocks: ["0.0.0.0/0"] })]),
            web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true }),
        ],
        config: { allowedTcpPorts: [80, 443, 8080] },
        expect: {},
    },
    // --- Main route table fallback ------------------------------------------------------------------------
    {
        name: "fail_subnet_without_association_uses_replaced_main_table",
        resources: [
            exampleParts_1.vpc,
            igw,
            publicRt,
            subnetNamed("plain-a", "10.0.4.0/24"),
            {
                type: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
                name: "main-rta",
                props: { vpcId: (0, examples_1.ref)("vpc"), routeTableId: (0, examples_1.ref)("public-rt") },
            },
            sshSg,
            web({ subnetId: (0, examples_1.ref)("plain-a"), associatePublicIpAddress: true }),
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ["the VPC's main route table"] },
    },
    {
        name: "pass_subnet_without_association_uses_aws_main_table",
        resources: [exampleParts_1.vpc, igw, publicRt, subnetNamed("plain-a", "10.0.4.0/24"), sshSg, web({ subnetId: (0, examples_1.ref)("plain-a"), associatePublicIpAddress: true })],
        expect: {},
    },
    {
        name: "fail_default_route_table_routes_to_internet_gateway",
        resources: [
            { ...exampleParts_1.vpc, outputs: { ...exampleParts_1.vpc.outputs, defaultRouteTableId: "rtb-main" } },
            igw,
            {
                type: "aws:ec2/defaultRouteTable:DefaultRouteTable",
                name: "main-rt",
                props: { defaultRouteTableId: (0, examples_1.ref)("vpc", "defaultRouteTableId"), routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: (0, examples_1.ref)("igw") }] },
            },
            subnetNamed("plain-a", "10.0.4.0/24"),
            sshSg,
            web({ subnetId: (0, examples_1.ref)("plain-a"), associatePublicIpAddress: true }),
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['route table "main-rt"'] },
    },
    // --- Standalone routes -----------------------------------------------------------------------------------
    {
        name: "fail_standalone_route_to_internet_gateway",
        resources: [
            ...network,
            {
                type: "aws:ec2/route:Route",
                name: "private-default",
                props: { routeTableId: (0, examples_1.ref)("private-rt"), destinationCidrBlock: "0.0.0.0/0", gatewayId: (0, examples_1.ref)("igw") },
            },
            sshSg,
            web({ subnetId: (0, examples_1.ref)("private-a"), associatePublicIpAddress: true }),
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['route table "private-rt" (route "private-default": 0.0.0.0/0'] },
    },
    {
        name: "pass_standalone_route_to_nat_gateway",
        resources: [
            ...network,
            { type: "aws:ec2/natGateway:NatGateway", name: "nat", props: { subnetId: (0, examples_1.ref)("public-a") } },
            {
                type: "aws:ec2/route:Route",
                name: "private-default",
                props: { routeTableId: (0, examples_1.ref)("private-rt"), destinationCidrBlock: "0.0.0.0/0", natGatewayId: (0, examples_1.ref)("nat") },
            },
            sshSg,
            web({ subnetId: (0, examples_1.ref)("private-a"), associatePublicIpAddress: true }),
        ],
        expect: {},
    },
    // --- mapPublicIpOnLaunch ------------------------------------------------------------------------------------
    {
        name: "fail_subnet_maps_public_ip_on_launch",
        resources: [
            exampleParts_1.vpc,
            igw,
            publicRt,
            subnetNamed("public-b", "10.0.5.0/24", { mapPublicIpOnLaunch: true }),
            association("public-b", "public-rt"),
            sshSg,
            web({ subnetId: (0, examples_1.ref)("public-b") }),
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['public IP: subnet "public-b" has mapPublicIpOnLaunch'] },
    },
    {
        name: "pass_subnet_does_not_map_public_ip",
        resources: [
            exampleParts_1.vpc,
            igw,
            publicRt,
            subnetNamed("public-b", "10.0.5.0/24"),
            association("public-b", "public-rt"),
            sshSg,
            web({ subnetId: (0, examples_1.ref)("public-b") }),
        ],
        expect: {},
    },
    {
        name: "pass_instance_overrides_map_public_ip",
        resources: [
            exampleParts_1.vpc,
            igw,
            publicRt,
            subnetNamed("public-b", "10.0.5.0/24", { mapPublicIpOnLaunch: true }),
            association("public-b", "public-rt"),
            sshSg,
            web({ subnetId: (0, examples_1.ref)("public-b"), associatePublicIpAddress: false }),
        ],
        expect: {},
    },
    // --- Elastic IPs -----------------------------------------------------------------------------------------------
    {
        name: "fail_elastic_ip_on_instance",
        resources: [
            ...network,
            sshSg,
            web({ subnetId: (0, examples_1.ref)("public-a") }),
            { type: "aws:ec2/eip:Eip", name: "web-eip", props: { domain: "vpc", instance: (0, examples_1.ref)("web-1") } },
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['public IP: Elastic IP "web-eip"'] },
    },
    {
        name: "fail_elastic_ip_association",
        resources: [
            ...network,
            sshSg,
            web({ subnetId: (0, examples_1.ref)("public-a") }),
            { type: "aws:ec2/eip:Eip", name: "web-eip", props: { domain: "vpc" } },
            { type: "aws:ec2/eipAssociation:EipAssociation", name: "web-eip-assoc", props: { instanceId: (0, examples_1.ref)("web-1"), allocationId: (0, examples_1.ref)("web-eip") } },
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['Elastic IP "web-eip-assoc"'] },
    },
    { name: "pass_no_elastic_ip", resources: [...network, sshSg, web({ subnetId: (0, examples_1.ref)("public-a") })], expect: {} },
    // --- RDS publiclyAccessible with its subnet group --------------------------------------------------------------
    {
        name: "fail_public_database_in_public_subnets",
        resources: [...network, dbSg, dbSubnets("public-a"), rds(true)],
        expect: { "orders-db": "fail" },
        messageContains: { "orders-db": ["PostgreSQL (5432), a database port", "publiclyAccessible is true"] },
    },
    { name: "pass_public_database_in_private_subnets", resources: [...network, dbSg, dbSubnets("private-a"), rds(true)], expect: {} },
    { name: "pass_private_database_in_public_subnets", resources: [...network, dbSg, dbSubnets("public-a"), rds(false)], expect: {} },
    // --- ECS assignPublicIp ----------------------------------------------------------------------------------------------
    { name: "fail_ecs_service_assigns_public_ip", resources: [...network, sshSg, ecsService(true)], expect: { api: "fail" } },
    { name: "pass_ecs_service_without_public_ip", resources: [...network, sshSg, ecsService(false)], expect: {} },
    // --- IPv6: internet gateway vs egress-only --------------------------------------------------------------------------
    {
        name: "fail_ipv6_route_to_internet_gateway",
        resources: ipv6Stack({ gatewayId: (0, examples_1.ref)("igw") }),
        expect: { "web-6": "fail" },
        messageContains: { "web-6": ["internet (::/0)", "(routes[0]: ::/0", 'IPv6 address: subnet "dual-a" has assignIpv6AddressOnCreation'] },
    },
    { name: "pass_ipv6_route_to_egress_only_gateway", resources: ipv6Stack({ egressOnlyGatewayId: (0, examples_1.ref)("eigw") }), expect: {} },
    // --- NACL first match ------------------------------------------------------------------------------------------------
    {
        name: "fail_nacl_first_match_allows",
        resources: [...network, nacl([naclEntry(100, "allow", "tcp", 0, 65535)]), sshSg, web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true })],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['NACL "nacl" #100 allow'] },
    },
    {
        name: "pass_nacl_denies_first",
        resources: [
            ...network,
            nacl([naclEntry(90, "deny", "tcp", 22, 22), naclEntry(100, "allow", "tcp", 0, 65535)]),
            sshSg,
            web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true }),
        ],
        expect: {},
    },
    // --- Unknown values: maybe is "cannot verify", never a pass -----------------------------------------------------------------
    {
        name: "fail_route_target_known_only_after_update",
        resources: [
            exampleParts_1.vpc,
            routeTable("public-rt", [{ cidrBlock: "0.0.0.0/0", gatewayId: (0, examples_1.computed)("igw-0abc1234") }]),
            publicSubnet,
            association("public-a", "public-rt"),
            sshSg,
            web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true }),
        ],
        expect: { update: { "web-1": "fail" }, preview: { "web-1": "cannot verify" } },
        messageContains: { "web-1": { update: ["igw-0abc1234 → route table"], preview: ["may send 0.0.0.0/0 to an internet gateway"] } },
    },
    {
        name: "cannot_verify_public_ip_not_known",
        resources: [...network, sshSg, web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: (0, examples_1.computed)(false) })],
        expect: { update: {}, preview: { "web-1": "cannot verify" } },
    },
    // --- Through an internet-facing load balancer: the listener port against the allow-list, the target port against admin/database ports ---
    { name: "pass_alb_on_443_forwards_to_8080", resources: albStack(443, 8080), expect: {} },
    {
        name: "fail_alb_forwards_to_ssh_on_target",
        resources: albStack(443, 22),
        expect: { "app-1": "fail" },
        messageContains: {
            "app-1": [
                'through load balancer "lb" on SSH (22), an admin port',
                'target group "tg" → attachment "app-1-tg" port 22 → subnet "private-a": NACL: AWS\'s default ACL (allows all from load balancer "lb" (10.0.1.0/24)) → security group "app-sg" ingress[0] TCP port 22 from "lb-sg"',
            ],
        },
    },
    { name: "pass_internal_alb_forwards_to_ssh", resources: albStack(443, 22, { internal: true }), expect: {} },
    { name: "pass_alb_in_private_subnet_forwards_to_ssh", resources: albStack(443, 22, { subnets: [(0, examples_1.ref)("private-a")] }), expect: {} },
    {
        name: "fail_alb_listener_outside_allow_list",
        resources: albStack(8443, 8080),
        expect: { lb: "fail" },
        messageContains: {
            lb: ['load balancer "lb" is reachable from the internet on TCP port 8443, outside the allow-list', 'listener "front" (HTTPS 8443)'],
        },
    },
    {
        name: "fail_nlb_without_security_groups_passes_ssh_to_target",
        resources: [
            ...network,
            { type: "aws:lb/loadBalancer:LoadBalancer", name: "lb", props: { loadBalancerType: "network", subnets: [(0, examples_1.ref)("public-a")] } },
            targetGroup(22),
            listener(22, "TCP"),
            ...appBehind((0, exampleParts_1.securityGroup)("app-sg", [(0, exampleParts_1.tcpFrom)(22, { cidrBlocks: ["0.0.0.0/0"] })])),
        ],
        expect: { lb: "fail", "app-1": "fail" },
        messageContains: { lb: ["no security groups (a network load balancer without groups passes all traffic)"], "app-1": ["from 0.0.0.0/0"] },
    },
    {
        name: "fail_ecs_service_behind_alb_on_database_port",
        resources: [
            ...network,
            lbSgOn(443),
            loadBalancer({}),
            targetGroup(5432),
            listener(443),
            (0, exampleParts_1.securityGroup)("api-sg", [(0, exampleParts_1.tcpFrom)(5432, { securityGroups: [(0, examples_1.ref)("lb-sg")] })]),
            {
                type: "aws:ecs/service:Service",
                name: "api",
                props: {
                    cluster: "main",
                    networkConfiguration: { subnets: [(0, examples_1.ref)("private-a")], securityGroups: [(0, examples_1.ref)("api-sg")] },
                    loadBalancers: [{ targetGroupArn: (0, examples_1.ref)("tg"), containerName: "api", containerPort: 5432 }],
                },
            },
        ],
        expect: { api: "fail" },
        messageContains: { api: ["PostgreSQL (5432), a database port", 'service "api" loadBalancers[0] port 5432'] },
    },
    // --- VPC Block Public Access: both modes block ingress through internet gateways; only allow-bidirectional exclusions reopen it ---
    {
        name: "pass_vpc_block_public_access_blocks_ingress",
        resources: [...exposedWeb, bpa("block-ingress")],
        expect: {},
    },
    {
        name: "fail_block_public_access_excludes_the_subnet",
        resources: [...exposedWeb, bpa("block-ingress"), bpaExclusion({ subnetId: (0, examples_1.ref)("public-a") }, "allow-bidirectional")],
        expect: { "web-1": "fail" },
        messageContains: {
            "web-1": [
                'subnet "public-a" (VPC Block Public Access (block-ingress) "bpa" excludes its subnet by exclusion "bpa-exclusion" (allow-bidirectional))',
            ],
        },
    },
    {
        name: "fail_block_public_access_excludes_the_vpc",
        resources: [...exposedWeb, bpa("block-bidirectional"), bpaExclusion({ vpcId: (0, examples_1.ref)("vpc") }, "allow-bidirectional")],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['excludes its VPC by exclusion "bpa-exclusion" (allow-bidirectional)'] },
    },
    {
        name: "fail_block_public_access_excludes_a_vpc_outside_the_stack",
        resources: [
            exampleParts_1.vpc, // the security group's
            { type: "aws:ec2/internetGateway:InternetGateway", name: "igw", props: { vpcId: "vpc-0abc1234" } },
            {
                type: "aws:ec2/routeTable:RouteTable",
                name: "public-rt",
                props: { vpcId: "vpc-0abc1234", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: (0, examples_1.ref)("igw") }] },
            },
            { type: "aws:ec2/subnet:Subnet", name: "public-a", props: { vpcId: "vpc-0abc1234", cidrBlock: "10.0.1.0/24" } },
            association("public-a", "public-rt"),
            sshSg,
            web({ subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: true }),
            bpa("block-ingress"),
            bpaExclusion({ vpcId: "vpc-0abc1234" }, "allow-bidirectional"),
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['excludes its VPC by exclusion "bpa-exclusion" (allow-bidirectional)'] },
    },
    {
        name: "pass_block_public_access_allow_egress_exclusion_keeps_ingress_blocked",
        resources: [...exposedWeb, bpa("block-bidirectional"), bpaExclusion({ subnetId: (0, examples_1.ref)("public-a") }, "allow-egress")],
        expect: {},
    },
    { name: "fail_block_public_access_off", resources: [...exposedWeb, bpa("off")], expect: { "web-1": "fail" } },
    {
        name: "cannot_verify_block_public_access_mode_not_known",
        resources: [...exposedWeb, bpa((0, examples_1.computed)("block-ingress"))],
        expect: { update: {}, preview: { "web-1": "cannot verify" } },
        messageContains: { "web-1": { update: [], preview: ['whether VPC Block Public Access "bpa" blocks it is not known'] } },
    },
    {
        name: "cannot_verify_block_public_access_exclusion_mode_not_known",
        resources: [...exposedWeb, bpa("block-ingress"), bpaExclusion({ subnetId: (0, examples_1.ref)("public-a") }, (0, examples_1.computed)("allow-egress"))],
        expect: { update: {}, preview: { "web-1": "cannot verify" } },
    },
    {
        name: "pass_native_block_public_access",
        resources: [...exposedWeb, bpa("block-bidirectional", "aws-native:ec2:VpcBlockPublicAccessOptions")],
        expect: {},
    },
    { name: "pass_block_public_access_blocks_load_balancer_path", resources: [...albStack(8443, 22), bpa("block-ingress")], expect: {} },
    // --- Routes that are not exactly /0: longest-prefix match decides which internet addresses come back through the gateway ---
    {
        name: "fail_two_half_routes_to_internet_gateway",
        resources: routedStack([
            { cidrBlock: "0.0.0.0/1", gatewayId: (0, examples_1.ref)("igw") },
            { cidrBlock: "128.0.0.0/1", gatewayId: (0, examples_1.ref)("igw") },
        ]),
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['internet gateway "igw" → route table "edge-rt" (routes[0]: 0.0.0.0/1, its explicit association) → subnet "edge-a"'] },
    },
    {
        name: "pass_narrow_public_route_to_internet_gateway",
        resources: routedStack([{ cidrBlock: "203.0.113.0/24", gatewayId: (0, examples_1.ref)("igw") }]),
        expect: {},
    },
    {
        name: "fail_narrow_routes_to_internet_gateway_together_win_a_wide_range",
        resources: routedStack(["52.0.0.0/17", "52.0.128.0/17", "52.1.0.0/17", "52.1.128.0/17"].map((cidrBlock) => ({ cidrBlock, gatewayId: (0, examples_1.ref)("igw") }))),
        expect: { "web-1": "fail" },
        messageContains: {
            "web-1": ["(routes[0]: 52.0.0.0/17, routes[1]: 52.0.128.0/17, routes[2]: 52.1.0.0/17, routes[3]: 52.1.128.0/17, its explicit association)"],
        },
    },
    {
        name: "fail_more_specific_nat_route_leaves_the_rest_to_internet_gateway",
        resources: routedStack([
            { cidrBlock: "0.0.0.0/0", gatewayId: (0, examples_1.ref)("igw") },
            { cidrBlock: "8.0.0.0/8", natGatewayId: (0, examples_1.ref)("nat") },
        ]),
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ["(routes[0]: 0.0.0.0/0, its explicit association)"] },
    },
    {
        name: "pass_more_specific_nat_routes_take_all_internet_addresses",
        resources: routedStack([
            { cidrBlock: "0.0.0.0/0", gatewayId: (0, examples_1.ref)("igw") },
            { cidrBlock: "0.0.0.0/1", natGatewayId: (0, examples_1.ref)("nat") },
            { cidrBlock: "128.0.0.0/1", natGatewayId: (0, examples_1.ref)("nat") },
        ]),
        expect: {},
    },
    {
        name: "fail_prefix_list_route_to_internet_gateway",
        resources: routedStack([{ destinationPrefixListId: (0, examples_1.ref)("dest-pl"), gatewayId: (0, examples_1.ref)("igw") }], [prefixList(["10.1.0.0/16", "0.0.0.0/0"])]),
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['(routes[0]: prefix list "dest-pl" 0.0.0.0/0, its explicit association)'] },
    },
    {
        name: "pass_prefix_list_route_with_narrow_ranges",
        resources: routedStack([{ destinationPrefixListId: (0, examples_1.ref)("dest-pl"), gatewayId: (0, examples_1.ref)("igw") }], [prefixList(["203.0.113.0/24", "198.51.100.0/24"])]),
        expect: {},
    },
    {
        name: "cannot_verify_prefix_list_route_outside_the_stack",
        resources: routedStack([{ destinationPrefixListId: "pl-0123456789abcdef0", gatewayId: (0, examples_1.ref)("igw") }]),
        expect: { "web-1": "cannot verify" },
        messageContains: { "web-1": ["may send prefix list pl-0123456789abcdef0 to an internet gateway"] },
    },
    // --- aws-native routing and load balancers --------------------------------------------------------------------------
    {
        name: "fail_native_public_subnet_route_to_internet_gateway",
        resources: [...nativeNetwork("gateway"), nativeSshSg, nativeInstance],
        expect: { "n-web": "fail" },
        messageContains: {
            "n-web": [
                'internet gateway "nigw" → route table "n-rt" (route "n-default": 0.0.0.0/0, its explicit association) → subnet "n-public"',
                'public IP: subnet "n-public" has mapPublicIpOnLaunch',
            ],
        },
    },
    { name: "pass_native_subnet_routes_to_nat_gateway", resources: [...nativeNetwork("nat"), nativeSshSg, nativeInstance], expect: {} },
    {
        name: "pass_native_instance_interface_without_public_ip",
        resources: [
            ...nativeNetwork("gateway"),
            nativeSshSg,
            {
                ...nativeInstance,
                props: {
                    imageId: "ami-1",
                    instanceType: "t3.micro",
                    networkInterfaces: [{ deviceIndex: "0", subnetId: (0, examples_1.ref)("n-public"), groupSet: [(0, examples_1.ref)("n-ssh-sg")], associatePublicIpAddress: false }],
                },
            },
        ],
        expect: {},
    },
    {
        name: "fail_native_internet_facing_alb_forwards_to_ssh",
        resources: nativeAlbStack({}, 22),
        expect: { "n-app": "fail" },
        messageContains: {
            "n-app": [
                'through load balancer "n-lb" on SSH (22), an admin port',
                "internet-facing: scheme is not set (AWS's default is internet-facing)",
                'target group "n-tg" → targets[0] port 22',
            ],
        },
    },
    { name: "pass_native_internal_alb_forwards_to_ssh", resources: nativeAlbStack({ scheme: "internal" }, 22), expect: {} },
    { name: "pass_native_internet_facing_alb_forwards_to_8080", resources: nativeAlbStack({ scheme: "internet-facing" }, 8080), expect: {} },
    // --- Load balancers over IPv6: a dual-stack load balancer is reached through its subnets' ::/0 route -------------------
    {
        name: "fail_dualstack_alb_reached_over_ipv6",
        resources: ipv6AlbStack("dualstack"),
        expect: { lb: "fail" },
        messageContains: {
            lb: [
                'internet (IPv6) → internet gateway "igw" → route table "v6-rt" (routes[0]: ::/0, its explicit association) → subnet "dual-a"',
                "IPv6 address (ipAddressType dualstack)",
            ],
        },
    },
    { name: "fail_dualstack_without_public_ipv4_alb_reached_over_ipv6", resources: ipv6AlbStack("dualstack-without-public-ipv4"), expect: { lb: "fail" } },
    { name: "pass_ipv4_alb_not_reached_over_ipv6", resources: ipv6AlbStack(undefined), expect: {} },
    {
        name: "pass_dualstack_alb_whose_group_admits_only_ipv4",
        resources: ipv6AlbStack("dualstack").map((r) => (r.name === "lb-sg" ? (0, exampleParts_1.securityGroup)("lb-sg", [(0, exampleParts_1.tcpFrom)(8443, { cidrBlocks: ["0.0.0.0/0"] })]) : r)),
        expect: {},
    },
    {
        name: "fail_alb_address_type_known_only_after_update",
        resources: ipv6AlbStack(undefined).map((r) => (r.name === "lb" ? { ...r, props: { ...r.props, ipAddressType: (0, examples_1.computed)("dualstack") } } : r)),
        expect: { update: { lb: "fail" }, preview: { lb: "cannot verify" } },
    },
    // --- Launch templates and auto-scaling groups -------------------------------------------------------------------------
    {
        name: "fail_asg_in_public_subnet_with_template_public_ip",
        resources: [
            ...network,
            sshSg,
            launchTemplate("web-lt", "true"),
            autoScalingGroup("web-asg", { vpcZoneIdentifiers: [(0, examples_1.ref)("public-a")], launchTemplate: { id: (0, examples_1.ref)("web-lt") } }),
        ],
        expect: { "web-asg": "fail" },
        messageContains: {
            "web-asg": [
                'security group "ssh-sg" ingress[0] TCP port 22 → "web-asg" (public IP: launch template "web-lt" networkInterfaces[0].associatePublicIpAddress is "true")',
            ],
        },
    },
    {
        name: "pass_asg_in_public_subnet_with_template_without_public_ip",
        resources: [
            ...network,
            sshSg,
            launchTemplate("web-lt", "false"),
            autoScalingGroup("web-asg", { vpcZoneIdentifiers: [(0, examples_1.ref)("public-a")], launchTemplate: { id: (0, examples_1.ref)("web-lt") } }),
        ],
        expect: {},
    },
    {
        name: "fail_asg_mixed_instances_template_in_subnet_mapping_public_ips",
        resources: [
            exampleParts_1.vpc,
            igw,
            publicRt,
            subnetNamed("public-b", "10.0.5.0/24", { mapPublicIpOnLaunch: true }),
            association("public-b", "public-rt"),
            sshSg,
            launchTemplate("web-lt", undefined),
            autoScalingGroup("web-asg", {
                vpcZoneIdentifiers: [(0, examples_1.ref)("public-b")],
                mixedInstancesPolicy: { launchTemplate: { launchTemplateSpecification: { launchTemplateId: (0, examples_1.ref)("web-lt") } } },
            }),
        ],
        expect: { "web-asg": "fail" },
        messageContains: { "web-asg": ['public IP: subnet "public-b" has mapPublicIpOnLaunch'] },
    },
    {
        name: "fail_asg_without_subnets_takes_the_template_interface_subnet",
        resources: [
            ...network,
            sshSg,
            launchTemplate("web-lt", "true", "ssh-sg", {
                networkInterfaces: [{ deviceIndex: 0, subnetId: (0, examples_1.ref)("public-a"), associatePublicIpAddress: "true", securityGroups: [(0, examples_1.ref)("ssh-sg")] }],
            }),
            autoScalingGroup("web-asg", { launchTemplate: { id: (0, examples_1.ref)("web-lt") } }),
        ],
        expect: { "web-asg": "fail" },
        messageContains: { "web-asg": ['→ subnet "public-a" →'] },
    },
    {
        name: "pass_asg_template_interface_in_private_subnet",
        resources: [
            ...network,
            sshSg,
            launchTemplate("web-lt", "true", "ssh-sg", {
                networkInterfaces: [{ deviceIndex: 0, subnetId: (0, examples_1.ref)("private-a"), associatePublicIpAddress: "true", securityGroups: [(0, examples_1.ref)("ssh-sg")] }],
            }),
            autoScalingGroup("web-asg", { launchTemplate: { id: (0, examples_1.ref)("web-lt") } }),
        ],
        expect: {},
    },
    {
        name: "fail_asg_template_asks_for_an_ipv6_address",
        resources: [
            ...ipv6Stack({ gatewayId: (0, examples_1.ref)("igw") }).filter((r) => r.name !== "web-6"),
            {
                ...launchTemplate("v6-lt", undefined, "ssh6-sg", {
                    networkInterfaces: [{ deviceIndex: 0, ipv6AddressCount: 1, securityGroups: [(0, examples_1.ref)("ssh6-sg")] }],
                }),
                outputs: { name: "v6-lt" },
            },
            autoScalingGroup("v6-asg", { vpcZoneIdentifiers: [(0, examples_1.ref)("dual-a")], launchTemplate: { name: (0, examples_1.ref)("v6-lt", "name") } }),
        ].map((r) => (r.name === "dual-a" ? subnetNamed("dual-a", "10.0.3.0/24", { ipv6CidrBlock: "2600:1f18::/64" }) : r)),
        expect: { "v6-asg": "fail" },
        messageContains: { "v6-asg": ['IPv6 address: launch template "v6-lt" networkInterfaces[0].ipv6AddressCount is 1'] },
    },
    {
        name: "pass_asg_template_without_ipv6_address_in_subnet_without_ipv6_default",
        resources: [
            ...ipv6Stack({ gatewayId: (0, examples_1.ref)("igw") }).filter((r) => r.name !== "web-6"),
            { ...launchTemplate("v6-lt", undefined, "ssh6-sg"), outputs: { name: "v6-lt" } },
            autoScalingGroup("v6-asg", { vpcZoneIdentifiers: [(0, examples_1.ref)("dual-a")], launchTemplate: { name: (0, examples_1.ref)("v6-lt", "name") } }),
        ].map((r) => (r.name === "dual-a" ? subnetNamed("dual-a", "10.0.3.0/24", { ipv6CidrBlock: "2600:1f18::/64" }) : r)),
        expect: {},
    },
    {
        name: "fail_alb_forwards_to_ssh_on_asg_instances",
        resources: albToAutoScaling(22, "targetGroupArns"),
        expect: { "app-asg": "fail" },
        messageContains: {
            "app-asg": [
                'target group "tg" → auto-scaling group "app-asg" targetGroupArns port 22 → subnet "private-a": NACL: AWS\'s default ACL (allows all from load balancer "lb" (10.0.1.0/24)) → security group "app-sg" ingress[0] TCP port 22 from "lb-sg" → "app-asg"',
            ],
        },
    },
    { name: "pass_alb_forwards_to_8080_on_asg_instances", resources: albToAutoScaling(8080, "targetGroupArns"), expect: {} },
    {
        name: "fail_autoscaling_attachment_registers_ssh_target",
        resources: albToAutoScaling(22, "attachment"),
        expect: { "app-asg": "fail" },
        messageContains: { "app-asg": ['auto-scaling attachment "app-asg-tg" port 22'] },
    },
    { name: "pass_autoscaling_attachment_registers_8080_target", resources: albToAutoScaling(8080, "attachment"), expect: {} },
    {
        name: "cannot_verify_asg_template_one_of_several",
        resources: [
            ...network,
            sshSg,
            launchTemplate("private-lt", "false"),
            launchTemplate("public-lt", "true"),
            {
                ...autoScalingGroup("web-asg", { vpcZoneIdentifiers: [(0, examples_1.ref)("public-a")], launchTemplate: { id: (0, examples_1.ref)("private-lt") } }),
                alsoFedBy: { launchTemplate: ["public-lt"] },
            },
        ],
        expect: { update: {}, preview: { "web-asg": "cannot verify" } },
        messageContains: { "web-asg": { update: [], preview: ['its launch template (one of "private-lt", "public-lt") is not known yet'] } },
    },
    {
        name: "cannot_verify_asg_template_id_unknown",
        resources: [
            ...network,
            sshSg,
            launchTemplate("web-lt", "false"),
            autoScalingGroup("web-asg", { vpcZoneIdentifiers: [(0, examples_1.ref)("public-a")], launchTemplate: { id: examples_1.UNKNOWN } }),
        ],
        expect: { "web-asg": "cannot verify" },
        messageContains: { "web-asg": ["its launch template is not known"] },
    },
    {
        name: "fail_instance_takes_groups_and_public_ip_from_its_launch_template",
        resources: [
            ...network,
            sshSg,
            launchTemplate("web-lt", "true"),
            { type: "aws:ec2/instance:Instance", name: "web-1", props: { subnetId: (0, examples_1.ref)("public-a"), launchTemplate: { id: (0, examples_1.ref)("web-lt") } } },
        ],
        expect: { "web-1": "fail" },
        messageContains: { "web-1": ['launch template "web-lt" networkInterfaces[0].associatePublicIpAddress is "true"'] },
    },
    {
        name: "pass_instance_from_launch_template_without_public_ip",
        resources: [
            ...network,
            sshSg,
            launchTemplate("web-lt", "false"),
            { type: "aws:ec2/instance:Instance", name: "web-1", props: { subnetId: (0, examples_1.ref)("public-a"), launchTemplate: { id: (0, examples_1.ref)("web-lt") } } },
        ],
        expect: {},
    },
    // --- An Elastic IP on a network interface: the instance launched on it has that public address ----------------------
    {
        name: "fail_elastic_ip_on_network_interface_of_instance",
        resources: [...eniStack(), { type: "aws:ec2/eip:Eip", name: "web-eip", props: { domain: "vpc", networkInterface: (0, examples_1.ref)("web-eni") } }],
        expect: { "web-eni": "fail", "web-1": "fail" },
        messageContains: { "web-1": ['"web-1" (public IP: Elastic IP "web-eip" on network interface "web-eni")'] },
    },
    {
        name: "fail_elastic_ip_association_on_network_interface_of_instance",
        resources: [
            ...eniStack(),
            { type: "aws:ec2/eip:Eip", name: "web-eip", props: { domain: "vpc" } },
            {
                type: "aws:ec2/eipAssociation:EipAssociation",
                name: "web-eip-assoc",
                props: { networkInterfaceId: (0, examples_1.ref)("web-eni"), allocationId: (0, examples_1.ref)("web-eip") },
            },
        ],
        expect: { "web-eni": "fail", "web-1": "fail" },
        messageContains: { "web-1": ['Elastic IP "web-eip-assoc" on network interface "web-eni"'] },
    },
    { name: "pass_network_interface_of_instance_without_elastic_ip", resources: eniStack(), expect: {} },
    // --- The target subnet's network ACL: internet sources when an NLB preserves client addresses, else the load balancer's own -----
    {
        name: "fail_nlb_preserving_client_ips_target_subnet_nacl_allows_ssh",
        resources: nlbToSsh({}, [targetNacl([entryFrom(100, "allow", 22, "0.0.0.0/0")])]),
        expect: { "app-1": "fail" },
        messageContains: {
            "app-1": [
                'port 22 → subnet "private-a": NACL "target-nacl" #100 allow (target group "tg" preserves client addresses (instance targets, AWS\'s default)) → security group "app-sg"',
            ],
        },
    },
    {
        name: "pass_nlb_preserving_client_ips_target_subnet_nacl_denies_ssh_first",
        resources: nlbToSsh({}, [targetNacl([entryFrom(90, "deny", 22, "0.0.0.0/0"), entryFrom(100, "allow", 22, "0.0.0.0/0")])]),
        expect: {},
    },
    { name: "pass_nlb_preserving_client_ips_target_subnet_nacl_allows_only_the_vpc", resources: nlbToSsh({}, [vpcOnlySsh]), expect: {} },
    {
        name: "fail_nlb_without_client_ip_preservation_target_nacl_sees_the_load_balancer",
        resources: nlbToSsh({ preserveClientIp: "false" }, [vpcOnlySsh]),
        expect: { "app-1": "fail" },
        messageContains: { "app-1": ['subnet "private-a": NACL "target-nacl" #100 allow from load balancer "lb" (10.0.1.0/24)'] },
    },
    {
        name: "fail_alb_target_subnet_nacl_allows_the_load_balancer_subnet",
        resources: [...albStack(443, 22), vpcOnlySsh],
        expect: { "app-1": "fail" },
        messageContains: { "app-1": ['NACL "target-nacl" #100 allow from load balancer "lb" (10.0.1.0/24)'] },
    },
    {
        name: "pass_alb_target_subnet_nacl_denies_the_load_balancer_subnet_first",
        resources: [...albStack(443, 22), targetNacl([entryFrom(90, "deny", 22, "10.0.1.0/24"), entryFrom(100, "allow", 22, "0.0.0.0/0")])],
        expect: {},
    },
    {
        name: "cannot_verify_alb_target_nacl_while_the_load_balancer_subnet_range_is_unknown",
        resources: [
            ...albStack(443, 22).map((r) => (r.name === "public-a" ? subnetNamed("public-a", (0, examples_1.computed)("10.0.1.0/24")) : r)),
            targetNacl([entryFrom(90, "deny", 22, "10.0.1.0/24"), entryFrom(100, "allow", 22, "10.0.0.0/16")]),
        ],
        expect: { update: {}, preview: { "app-1": "cannot verify" } },
        messageContains: { "app-1": { update: [], preview: ['the address range of subnet "public-a" is not known yet'] } },
    },
    {
        name: "pass_instance_on_network_interface_in_subnet_mapping_public_ips",
        resources: eniStack().map((r) => (r.name === "public-a" ? subnetNamed("public-a", "10.0.1.0/24", { mapPublicIpOnLaunch: true }) : r)),
        expect: {},
    },
];
