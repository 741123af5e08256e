/**
 * Synthetic but realistic stacks for the benchmark and the large-scan test: many copies of a
 * three-tier application (VPC, subnets, a NACL with a standalone entry, five security groups with
 * inline and standalone rules, a launch template, instances, a load balancer and a database, most
 * carrying several groups), with a mistake every few applications so reports have real content.
 * Deterministic: the same size always gives the same stack.
 */
import * as fs from "fs";

export interface SyntheticResource {
    urn: string;
    type: string;
    name: string;
    id: string;
    /** What the program declared (Analyze sees these). */
    inputs: Record<string, unknown>;
    /** What AWS reported after the update (AnalyzeStack and stack exports carry these). */
    outputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

export interface SyntheticStack {
    stack: string;
    project: string;
    resources: SyntheticResource[];
    /** Applications whose admin group opens SSH to the world (every tenth, from the first). */
    sshMistakes: number;
}

const STACK = "big";
const PROJECT = "fleet";
const urnOf = (type: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

/** An inline rule as AWS reports it in a group's outputs (every list present). */
function inline(rule: {
    protocol: string;
    fromPort: number;
    toPort: number;
    cidrBlocks?: string[];
    ipv6CidrBlocks?: string[];
    securityGroups?: string[];
    description: string;
}) {
    return { cidrBlocks: [], ipv6CidrBlocks: [], prefixListIds: [], securityGroups: [], self: false, ...rule };
}

/** Adds a resource to the stack being built; returns its URN. */
type Add = (
    type: string,
    name: string,
    id: string,
    inputs: Record<string, unknown>,
    deps?: Record<string, string[]>,
    outputs?: Record<string, unknown>,
) => string;

/** Resources of one application; `app` numbers it and chooses its mistakes. */
function application(app: number, add: Add): void {
    const vpc = add("aws:ec2/vpc:Vpc", `vpc-${app}`, `vpc-${app}`, { cidrBlock: `10.${app % 250}.0.0/16`, enableDnsHostnames: true });
    const subnets = ["public", "private"].map((zone, i) =>
        add(
            "aws:ec2/subnet:Subnet",
            `${zone}-${app}`,
            `subnet-${zone}-${app}`,
            { vpcId: `vpc-${app}`, cidrBlock: `10.${app % 250}.${i}.0/24`, mapPublicIpOnLaunch: zone === "public" },
            { vpcId: [vpc] },
        ),
    );
    add(
        "aws:ec2/networkAcl:NetworkAcl",
        `public-acl-${app}`,
        `acl-${app}`,
        {
            vpcId: `vpc-${app}`,
            subnetIds: [`subnet-public-${app}`],
            ingress: [
                { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 110, action: "allow", protocol: "udp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 120, action: "allow", protocol: "tcp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 130, action: "allow", protocol: "udp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 140, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, ipv6CidrBlock: "::/0" },
                { ruleNo: 150, action: "allow", protocol: "tcp", fromPort: 32768, toPort: 65535, ipv6CidrBlock: "::/0" },
            ],
            egress: [
                { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 110, action: "allow", protocol: "udp", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 120, action: "allow", protocol: "tcp", fromPort: 1024, toPort: 65535, ipv6CidrBlock: "::/0" },
            ],
        },
        { vpcId: [vpc], subnetIds: [subnets[0]] },
    );
    // The private subnet's NACL uses standalone entries only.
    const privateAcl = add(
        "aws:ec2/networkAcl:NetworkAcl",
        `private-acl-${app}`,
        `acl-private-${app}`,
        { vpcId: `vpc-${app}`, subnetIds: [`subnet-private-${app}`] },
        { vpcId: [vpc], subnetIds: [subnets[1]] },
    );
    const entry = (name: string, ruleNumber: number, egress: boolean, protocol: string, fromPort: number, toPort: number, cidrBlock: string) =>
        add(
            "aws:ec2/networkAclRule:NetworkAclRule",
            `private-acl-${name}-${app}`,
            `nacl-${name}-${app}`,
            { networkAclId: `acl-private-${app}`, ruleNumber, egress, protocol, ruleAction: "allow", fromPort, toPort, cidrBlock },
            { networkAclId: [privateAcl] },
        );
    entry("from-vpc", 100, false, "-1", 0, 0, `10.${app % 250}.0.0/16`);
    entry("replies-in", 110, false, "tcp", 32768, 65535, "0.0.0.0/0");
    entry("to-vpc", 100, true, "-1", 0, 0, `10.${app % 250}.0.0/16`);
    entry("https-out", 110, true, "tcp", 443, 443, "0.0.0.0/0");
    entry("replies-out", 120, true, "tcp", 32768, 65535, "0.0.0.0/0");

    const group = (
        name: string,
        tier: string | undefined,
        ingress: ReturnType<typeof inline>[],
        egress: ReturnType<typeof inline>[],
        deployedIngress: ReturnType<typeof inline>[] = [],
    ) => {
        const inputs = {
            vpcId: `vpc-${app}`,
            description: `${name} tier of app ${app}`,
            ingress,
            egress,
            tags: { ...(tier ? { "tierguard:tier": tier } : {}), app: String(app) },
        };
        const outputs = {
            ...inputs,
            ingress: [...ingress, ...deployedIngress],
            arn: `arn:aws:ec2:eu-west-1:123456789012:security-group/sg-${name}-${app}`,
            ownerId: "123456789012",
            revokeRulesOnDelete: false,
        };
        return add(SG, `${name}-${app}`, `sg-${name}-${app}`, inputs, { vpcId: [vpc] }, outputs);
    };
    // Each group keeps one style: inline rules only, or standalone rule resources only.
    const sshOpen = app % 10 === 0;
    const lb = group(
        "lb",
        "public",
        [
            inline({
                protocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrBlocks: ["0.0.0.0/0"],
                ipv6CidrBlocks: ["::/0"],
                description: "HTTPS from the internet",
            }),
            inline({ protocol: "udp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "QUIC from the internet" }),
        ],
        [inline({ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [`sg-web-${app}`], description: "to the app port" })],
    );
    const fromLb = inline({ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [`sg-lb-${app}`], description: "app port from the load balancer" });
    const web = group("web", "web", [], [], [fromLb]);
    const admin = group(
        "admin",
        "web",
        [inline({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [sshOpen ? "0.0.0.0/0" : "203.0.113.0/28"], description: "SSH from the office" })],
        [],
    );
    // Shared by every tier, so it names none.
    const monitoring = group(
        "monitoring",
        undefined,
        [inline({ protocol: "tcp", fromPort: 9100, toPort: 9100, cidrBlocks: ["10.200.0.0/24"], description: "node exporter from monitoring" })],
        [],
    );
    const db = group(
        "db",
        "data",
        [inline({ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [`sg-web-${app}`], description: "PostgreSQL from web" })],
        [],
    );

    add(
        INGRESS_RULE,
        `web-from-lb-${app}`,
        `sgr-in-${app}`,
        {
            securityGroupId: `sg-web-${app}`,
            ipProtocol: "tcp",
            fromPort: 8080,
            toPort: 8080,
            referencedSecurityGroupId: `sg-lb-${app}`,
            description: "app port from the load balancer",
        },
        { securityGroupId: [web], referencedSecurityGroupId: [lb] },
    );
    add(
        EGRESS_RULE,
        `web-to-aws-${app}`,
        `sgr-out-${app}`,
        { securityGroupId: `sg-web-${app}`, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", description: "HTTPS to AWS APIs" },
        { securityGroupId: [web] },
    );
    add(
        SG_RULE,
        `web-to-db-${app}`,
        `sgrule-${app}`,
        {
            type: "egress",
            securityGroupId: `sg-web-${app}`,
            protocol: "tcp",
            fromPort: 5432,
            toPort: 5432,
            sourceSecurityGroupId: `sg-db-${app}`,
            description: "PostgreSQL",
        },
        { securityGroupId: [web], sourceSecurityGroupId: [db] },
    );

    const webGroups = [`sg-web-${app}`, `sg-admin-${app}`, `sg-monitoring-${app}`];
    const webDeps = [web, admin, monitoring];
    add(
        "aws:ec2/launchTemplate:LaunchTemplate",
        `web-template-${app}`,
        `lt-${app}`,
        { imageId: "ami-0123456789abcdef0", instanceType: "t3.small", vpcSecurityGroupIds: webGroups },
        { vpcSecurityGroupIds: webDeps },
    );
    for (let i = 0; i < 4; i++) {
        add(
            "aws:ec2/instance:Instance",
            `web-${app}-${i}`,
            `i-${app}-${i}`,
            { ami: "ami-0123456789abcdef0", instanceType: "t3.small", subnetId: `subnet-private-${app}`, vpcSecurityGroupIds: webGroups },
            { subnetId: [subnets[1]], vpcSecurityGroupIds: webDeps },
        );
    }
    add(
        "aws:lb/loadBalancer:LoadBalancer",
        `lb-${app}`,
        `arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/lb-${app}`,
        { loadBalancerType: "application", internal: false, subnets: [`subnet-public-${app}`], securityGroups: [`sg-lb-${app}`, `sg-monitoring-${app}`] },
        { subnets: [subnets[0]], securityGroups: [lb, monitoring] },
    );
    add(
        "aws:rds/instance:Instance",
        `db-${app}`,
        `db-${app}`,
        {
            engine: "postgres",
            instanceClass: "db.t3.micro",
            allocatedStorage: 20,
            storageEncrypted: true,
            publiclyAccessible: false,
            vpcSecurityGroupIds: [`sg-db-${app}`, `sg-monitoring-${app}`],
        },
        { vpcSecurityGroupIds: [db, monitoring] },
    );
}

/**
 * What a routed application plants, by what internet-exposure should make of it. Reachable: the
 * bastion's SSH open to the world in a subnet whose main route table (replaced by the public one) sends
 * 0.0.0.0/0 to the internet gateway, with a public IP and AWS's default ACL. Latent: world-open SSH that
 * the internet cannot reach today — the bastion when its subnet falls back to AWS's main table (local
 * route only), web instances in private subnets (no public IP, a NAT route, their ACL denies port 22),
 * the VPN instance (Elastic IP and an internet route, but its ACL denies UDP 1194).
 */
export interface RoutedPlan {
    /** Apps whose bastion is reachable on SSH from the internet (internet-exposure violations). */
    reachable: number;
    /** Apps whose world-open SSH is latent (no internet-exposure finding). */
    latentSsh: number;
    /** The names of the instances the internet reaches on SSH today. */
    exposedInstances: string[];
    /** The names of instances carrying a world-open rule the internet does not reach today. */
    latentInstances: string[];
}

/**
 * One application of the routed shape: a VPC with an internet gateway, two public and two private
 * subnets with explicit route-table associations, a management subnet without one (the main table:
 * AWS's local-only one, or every fourth app the public table through a MainRouteTableAssociation),
 * inline and standalone routes, a NAT gateway with its Elastic IP, NACLs, an internet-facing ALB with
 * listeners, a target group and attachments, instances with and without public addresses, and a
 * database in a subnet group. World-open rules every app (the load balancer's HTTPS, the VPN's UDP)
 * and world-open SSH every tenth (see RoutedPlan).
 */
function routedApplication(app: number, add: Add, plan: RoutedPlan): void {
    const net = `10.${app % 250}`;
    const vpc = add(
        "aws:ec2/vpc:Vpc",
        `vpc-${app}`,
        `vpc-${app}`,
        { cidrBlock: `${net}.0.0/16`, enableDnsHostnames: true },
        {},
        {
            cidrBlock: `${net}.0.0/16`,
            enableDnsHostnames: true,
            mainRouteTableId: `rtb-main-${app}`,
            defaultRouteTableId: `rtb-main-${app}`,
            defaultSecurityGroupId: `sg-default-${app}`,
        },
    );
    const igw = add("aws:ec2/internetGateway:InternetGateway", `igw-${app}`, `igw-${app}`, { vpcId: `vpc-${app}` }, { vpcId: [vpc] });
    const subnet = (name: string, third: number, isPublic: boolean) =>
        add(
            "aws:ec2/subnet:Subnet",
            `${name}-${app}`,
            `subnet-${name}-${app}`,
            { vpcId: `vpc-${app}`, cidrBlock: `${net}.${third}.0/24`, mapPublicIpOnLaunch: isPublic },
            { vpcId: [vpc] },
        );
    const publicSubnets = [subnet("public-a", 0, true), subnet("public-b", 1, true)];
    const privateSubnets = [subnet("private-a", 2, false), subnet("private-b", 3, false)];
    const mgmt = subnet("mgmt", 4, false);

    // Public table: the default route inline (even apps) or as a standalone route (odd apps).
    const inlineRoute = app % 2 === 0;
    const publicTable = add(
        "aws:ec2/routeTable:RouteTable",
        `public-rt-${app}`,
        `rtb-public-${app}`,
        { vpcId: `vpc-${app}`, routes: inlineRoute ? [{ cidrBlock: "0.0.0.0/0", gatewayId: `igw-${app}` }] : [] },
        { vpcId: [vpc], ...(inlineRoute ? { routes: [igw] } : {}) },
    );
    if (!inlineRoute)
        add(
            "aws:ec2/route:Route",
            `public-default-${app}`,
            `r-public-${app}`,
            { routeTableId: `rtb-public-${app}`, destinationCidrBlock: "0.0.0.0/0", gatewayId: `igw-${app}` },
            { routeTableId: [publicTable], gatewayId: [igw] },
        );
    const natEip = add(
        "aws:ec2/eip:Eip",
        `nat-eip-${app}`,
        `eipalloc-nat-${app}`,
        { domain: "vpc" },
        {},
        { domain: "vpc", publicIp: `198.51.100.${app % 250}` },
    );
    const nat = add(
        "aws:ec2/natGateway:NatGateway",
        `nat-${app}`,
        `nat-${app}`,
        { allocationId: `eipalloc-nat-${app}`, subnetId: `subnet-public-a-${app}` },
        { allocationId: [natEip], subnetId: [publicSubnets[0]] },
    );
    const privateTable = add("aws:ec2/routeTable:RouteTable", `private-rt-${app}`, `rtb-private-${app}`, { vpcId: `vpc-${app}`, routes: [] }, { vpcId: [vpc] });
    add(
        "aws:ec2/route:Route",
        `private-default-${app}`,
        `r-private-${app}`,
        { routeTableId: `rtb-private-${app}`, destinationCidrBlock: "0.0.0.0/0", natGatewayId: `nat-${app}` },
        { routeTableId: [privateTable], natGatewayId: [nat] },
    );
    const associate = (name: string, subnetUrn: string, table: "public" | "private") =>
        add(
            "aws:ec2/routeTableAssociation:RouteTableAssociation",
            `${name}-rta-${app}`,
            `rtbassoc-${name}-${app}`,
            { subnetId: `subnet-${name}-${app}`, routeTableId: `rtb-${table}-${app}` },
            { subnetId: [subnetUrn], routeTableId: [table === "public" ? publicTable : privateTable] },
        );
    associate("public-a", publicSubnets[0], "public");
    associate("public-b", publicSubnets[1], "public");
    associate("private-a", privateSubnets[0], "private");
    associate("private-b", privateSubnets[1], "private");
    // The management subnet has no association: every fourth app makes the public table the main one.
    const mgmtPublic = app % 4 === 0;
    if (mgmtPublic)
        add(
            "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
            `main-rt-${app}`,
            `rtbassoc-main-${app}`,
            { vpcId: `vpc-${app}`, routeTableId: `rtb-public-${app}` },
            { vpcId: [vpc], routeTableId: [publicTable] },
        );

    add(
        "aws:ec2/networkAcl:NetworkAcl",
        `public-acl-${app}`,
        `acl-public-${app}`,
        {
            vpcId: `vpc-${app}`,
            subnetIds: [`subnet-public-a-${app}`, `subnet-public-b-${app}`],
            ingress: [
                { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 80, toPort: 80, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 120, action: "allow", protocol: "tcp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 130, action: "allow", protocol: "udp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 140, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: `${net}.0.0/16` },
            ],
            egress: [
                { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 110, action: "allow", protocol: "udp", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 120, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 130, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: `${net}.0.0/16` },
            ],
        },
        { vpcId: [vpc], subnetIds: publicSubnets },
    );
    const privateAcl = add(
        "aws:ec2/networkAcl:NetworkAcl",
        `private-acl-${app}`,
        `acl-private-${app}`,
        { vpcId: `vpc-${app}`, subnetIds: [`subnet-private-a-${app}`, `subnet-private-b-${app}`] },
        { vpcId: [vpc], subnetIds: privateSubnets },
    );
    const entry = (name: string, ruleNumber: number, egress: boolean, protocol: string, fromPort: number, toPort: number, cidrBlock: string) =>
        add(
            "aws:ec2/networkAclRule:NetworkAclRule",
            `private-acl-${name}-${app}`,
            `nacl-${name}-${app}`,
            { networkAclId: `acl-private-${app}`, ruleNumber, egress, protocol, ruleAction: "allow", fromPort, toPort, cidrBlock },
            { networkAclId: [privateAcl] },
        );
    entry("from-vpc", 100, false, "-1", 0, 0, `${net}.0.0/16`);
    entry("replies-in", 110, false, "tcp", 32768, 65535, "0.0.0.0/0");
    entry("to-vpc", 100, true, "-1", 0, 0, `${net}.0.0/16`);
    entry("https-out", 110, true, "tcp", 443, 443, "0.0.0.0/0");
    entry("replies-out", 120, true, "tcp", 1024, 65535, "0.0.0.0/0");

    const group = (name: string, tier: string | undefined, ingress: ReturnType<typeof inline>[], egress: ReturnType<typeof inline>[]) =>
        add(
            SG,
            `${name}-sg-${app}`,
            `sg-${name}-${app}`,
            {
                vpcId: `vpc-${app}`,
                description: `${name} of app ${app}`,
                ingress,
                egress,
                tags: { ...(tier ? { "tierguard:tier": tier } : {}), app: String(app) },
            },
            { vpcId: [vpc] },
        );
    const sshOpen = app % 10 === 0;
    const office = "203.0.113.0/28";
    const lb = group(
        "lb",
        "public",
        [
            inline({ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS from the internet" }),
            inline({ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"], description: "HTTP redirect from the internet" }),
        ],
        [inline({ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [`sg-web-${app}`], description: "to the app port" })],
    );
    const web = group(
        "web",
        "web",
        [inline({ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [`sg-lb-${app}`], description: "app port from the load balancer" })],
        [inline({ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [`sg-db-${app}`], description: "PostgreSQL" })],
    );
    const admin = group(
        "admin",
        "web",
        [inline({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [sshOpen ? "0.0.0.0/0" : office], description: "SSH from the office" })],
        [],
    );
    const bastion = group(
        "bastion",
        "public",
        [inline({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [sshOpen ? "0.0.0.0/0" : office], description: "SSH from the office" })],
        [inline({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [`${net}.0.0/16`], description: "SSH into the VPC" })],
    );
    const vpn = group(
        "vpn",
        "public",
        [inline({ protocol: "udp", fromPort: 1194, toPort: 1194, cidrBlocks: ["0.0.0.0/0"], description: "OpenVPN from anywhere" })],
        [inline({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [`${net}.0.0/16`], description: "into the VPC" })],
    );
    const db = group(
        "db",
        "data",
        [inline({ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [`sg-web-${app}`], description: "PostgreSQL from web" })],
        [],
    );

    const instance = (name: string, subnetName: string, subnetUrn: string, groups: Array<[string, string]>, extra: Record<string, unknown> = {}) =>
        add(
            "aws:ec2/instance:Instance",
            `${name}-${app}`,
            `i-${name}-${app}`,
            {
                ami: "ami-0123456789abcdef0",
                instanceType: "t3.small",
                subnetId: `subnet-${subnetName}-${app}`,
                vpcSecurityGroupIds: groups.map(([id]) => id),
                ...extra,
            },
            { subnetId: [subnetUrn], vpcSecurityGroupIds: groups.map(([, urn]) => urn) },
        );
    const webs: string[] = [];
    for (let i = 0; i < 4; i++) {
        const zone = i % 2 === 0 ? "private-a" : "private-b";
        webs.push(
            instance(`web-${i}`, zone, privateSubnets[i % 2], [
                [`sg-web-${app}`, web],
                [`sg-admin-${app}`, admin],
            ]),
        );
    }
    instance("bastion", "mgmt", mgmt, [[`sg-bastion-${app}`, bastion]], { associatePublicIpAddress: true });
    const vpnInstance = instance("vpn", "public-b", publicSubnets[1], [[`sg-vpn-${app}`, vpn]], { associatePublicIpAddress: false, sourceDestCheck: false });
    add("aws:ec2/eip:Eip", `vpn-eip-${app}`, `eipalloc-vpn-${app}`, { domain: "vpc", instance: `i-vpn-${app}` }, { instance: [vpnInstance] });
    if (sshOpen) {
        for (let i = 0; i < 4; i++) plan.latentInstances.push(`web-${i}-${app}`);
        if (mgmtPublic) plan.exposedInstances.push(`bastion-${app}`);
        else plan.latentInstances.push(`bastion-${app}`);
        if (mgmtPublic) plan.reachable++;
        else plan.latentSsh++;
    }
    plan.latentInstances.push(`vpn-${app}`);

    const lbArn = `arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/lb-${app}/0123456789abcdef`;
    const tgArn = `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-${app}/0123456789abcdef`;
    const alb = add(
        "aws:lb/loadBalancer:LoadBalancer",
        `lb-${app}`,
        lbArn,
        { loadBalancerType: "application", internal: false, subnets: [`subnet-public-a-${app}`, `subnet-public-b-${app}`], securityGroups: [`sg-lb-${app}`] },
        { subnets: publicSubnets, securityGroups: [lb] },
        {
            loadBalancerType: "application",
            internal: false,
            subnets: [`subnet-public-a-${app}`, `subnet-public-b-${app}`],
            securityGroups: [`sg-lb-${app}`],
            arn: lbArn,
            dnsName: `lb-${app}.eu-west-1.elb.amazonaws.com`,
        },
    );
    const tg = add(
        "aws:lb/targetGroup:TargetGroup",
        `web-tg-${app}`,
        tgArn,
        { port: 8080, protocol: "HTTP", vpcId: `vpc-${app}`, targetType: "instance" },
        { vpcId: [vpc] },
        { port: 8080, protocol: "HTTP", vpcId: `vpc-${app}`, targetType: "instance", arn: tgArn },
    );
    add(
        "aws:lb/listener:Listener",
        `https-${app}`,
        `${lbArn}/listener/https`,
        {
            loadBalancerArn: lbArn,
            port: 443,
            protocol: "HTTPS",
            certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc",
            defaultActions: [{ type: "forward", targetGroupArn: tgArn }],
        },
        { loadBalancerArn: [alb], defaultActions: [tg] },
    );
    add(
        "aws:lb/listener:Listener",
        `http-${app}`,
        `${lbArn}/listener/http`,
        {
            loadBalancerArn: lbArn,
            port: 80,
            protocol: "HTTP",
            defaultActions: [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }],
        },
        { loadBalancerArn: [alb] },
    );
    webs.forEach((webUrn, i) =>
        add(
            "aws:lb/targetGroupAttachment:TargetGroupAttachment",
            `web-${i}-attachment-${app}`,
            `${tgArn}-i-web-${i}-${app}`,
            { targetGroupArn: tgArn, targetId: `i-web-${i}-${app}`, port: 8080 },
            { targetGroupArn: [tg], targetId: [webUrn] },
        ),
    );
    const subnetGroup = add(
        "aws:rds/subnetGroup:SubnetGroup",
        `db-subnets-${app}`,
        `db-subnets-${app}`,
        { name: `db-subnets-${app}`, subnetIds: [`subnet-private-a-${app}`, `subnet-private-b-${app}`] },
        { subnetIds: privateSubnets },
    );
    add(
        "aws:rds/instance:Instance",
        `db-${app}`,
        `db-${app}`,
        {
            engine: "postgres",
            instanceClass: "db.t3.micro",
            allocatedStorage: 20,
            storageEncrypted: true,
            publiclyAccessible: false,
            dbSubnetGroupName: `db-subnets-${app}`,
            vpcSecurityGroupIds: [`sg-db-${app}`],
        },
        { dbSubnetGroupName: [subnetGroup], vpcSecurityGroupIds: [db] },
    );
}

/** The shapes of stack the generator makes: security groups without routing (the original), or applications with routing. */
export type StackShape = "groups" | "routed";

/** A stack of at least `target` resources (the root stack included). */
export function syntheticStack(target: number): SyntheticStack;
export function syntheticStack(target: number, shape: "groups"): SyntheticStack;
export function syntheticStack(target: number, shape: "routed"): SyntheticStack & { plan: RoutedPlan };
export function syntheticStack(target: number, shape: StackShape = "groups"): SyntheticStack & { plan?: RoutedPlan } {
    const resources: SyntheticResource[] = [];
    const stackUrn = urnOf("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`);
    resources.push({
        urn: stackUrn,
        type: "pulumi:pulumi:Stack",
        name: `${PROJECT}-${STACK}`,
        id: "",
        inputs: {},
        outputs: {},
        dependencies: [],
        propertyDependencies: {},
    });
    const add = (
        type: string,
        name: string,
        id: string,
        inputs: Record<string, unknown>,
        deps: Record<string, string[]> = {},
        outputs?: Record<string, unknown>,
    ) => {
        const urn = urnOf(type, name);
        resources.push({
            urn,
            type,
            name,
            id,
            inputs,
            outputs: { ...(outputs ?? inputs), id },
            dependencies: [...new Set(Object.values(deps).flat())],
            propertyDependencies: deps,
        });
        return urn;
    };
    let apps = 0;
    if (shape === "routed") {
        const plan: RoutedPlan = { reachable: 0, latentSsh: 0, exposedInstances: [], latentInstances: [] };
        while (resources.length < target) routedApplication(apps++, add, plan);
        return { stack: STACK, project: PROJECT, resources, sshMistakes: Math.ceil(apps / 10), plan };
    }
    while (resources.length < target) application(apps++, add);
    return { stack: STACK, project: PROJECT, resources, sshMistakes: Math.ceil(apps / 10) };
}

/** Writes the stack as `pulumi stack export` does (deployment version 3). */
export function writeStackExport(file: string, stack: SyntheticStack): void {
    const resources = stack.resources.map((r) =>
        r.type === "pulumi:pulumi:Stack"
            ? { urn: r.urn, custom: false, type: r.type, outputs: {} }
            : {
                  urn: r.urn,
                  custom: true,
                  id: r.id,
                  type: r.type,
                  inputs: r.inputs,
                  outputs: r.outputs,
                  parent: stack.resources[0].urn,
                  dependencies: r.dependencies,
                  propertyDependencies: r.propertyDependencies,
              },
    );
    fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { manifest: { time: "2026-11-25T00:00:00Z", version: "v3.200.0" }, resources } }));
}
