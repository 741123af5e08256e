/**
 * An insecure three-tier web app: VPC, load balancer, web instances, database. It makes, on
 * purpose, the mistakes tierguard exists to catch; `tierguard check examples/insecure-web-app`
 * reports each one. Each mistake is marked MISTAKE below. Do not deploy this program.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const instanceType = config.get("instanceType") ?? "t3.micro";
const dbPassword = config.requireSecret("dbPassword");

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", assignGeneratedIpv6CidrBlock: true, enableDnsHostnames: true });
const zones = aws.getAvailabilityZonesOutput({ state: "available" });

const publicSubnets = [0, 1].map(
    (i) => new aws.ec2.Subnet(`public-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: zones.names[i], mapPublicIpOnLaunch: true }),
);
const privateSubnets = [0, 1].map(
    (i) => new aws.ec2.Subnet(`private-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${10 + i}.0/24`, availabilityZone: zones.names[i] }),
);
const gateway = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
const publicRoutes = new aws.ec2.RouteTable("public", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: gateway.id }] });
publicSubnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`public-${i}`, { subnetId: subnet.id, routeTableId: publicRoutes.id }));

// MISTAKE: the default security group keeps rules, so anything launched without a group gets them.
new aws.ec2.DefaultSecurityGroup("default", {
    vpcId: vpc.id,
    ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});

// MISTAKE: a network ACL that lets the whole internet in on every port, admin ports included.
new aws.ec2.NetworkAcl("public", {
    vpcId: vpc.id,
    subnetIds: publicSubnets.map((s) => s.id),
    ingress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }],
    egress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }],
});

const lbSg = new aws.ec2.SecurityGroup("lb-sg", {
    vpcId: vpc.id,
    description: "Load balancer",
    ingress: [
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "HTTPS from the internet" },
        { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"], description: "HTTP redirect" },
    ],
    // MISTAKE: allow-all egress "just in case".
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "everything" }],
});

const webSg = new aws.ec2.SecurityGroup("web-sg", {
    vpcId: vpc.id,
    description: "Web servers",
    ingress: [
        { protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [lbSg.id], description: "app port from the load balancer" },
        // MISTAKE: SSH open to the world.
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh for debugging" },
    ],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "everything" }],
});

// MISTAKE: RDP to the web tier from the whole IPv6 internet, as a standalone rule.
new aws.vpc.SecurityGroupIngressRule("web-rdp-ipv6", {
    securityGroupId: webSg.id,
    ipProtocol: "tcp",
    fromPort: 3389,
    toPort: 3389,
    cidrIpv6: "::/0",
    description: "remote desktop",
});

const dbSg = new aws.ec2.SecurityGroup("db-sg", {
    vpcId: vpc.id,
    description: "Database",
    ingress: [
        { protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [webSg.id], description: "postgres from the web tier" },
        // MISTAKE: the database reachable from the internet.
        { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"], description: "postgres for the analytics vendor" },
    ],
    egress: [],
});

const lb = new aws.lb.LoadBalancer("web", { loadBalancerType: "application", subnets: publicSubnets.map((s) => s.id), securityGroups: [lbSg.id] });
const targets = new aws.lb.TargetGroup("web", { port: 8080, protocol: "HTTP", vpcId: vpc.id, targetType: "instance" });
new aws.lb.Listener("http", { loadBalancerArn: lb.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: targets.arn }] });

const ami = aws.ec2.getAmiOutput({ mostRecent: true, owners: ["amazon"], filters: [{ name: "name", values: ["al2023-ami-*-x86_64"] }] });
const web = publicSubnets.map(
    (subnet, i) =>
        new aws.ec2.Instance(`web-${i}`, {
            ami: ami.id,
            instanceType,
            subnetId: subnet.id,
            vpcSecurityGroupIds: [webSg.id],
            associatePublicIpAddress: true,
            tags: { Name: `web-${i}`, "tierguard:tier": "web" },
        }),
);
web.forEach((instance, i) => new aws.lb.TargetGroupAttachment(`web-${i}`, { targetGroupArn: targets.arn, targetId: instance.id, port: 8080 }));

// MISTAKE: SSH open to the world on the app tier too. Latent today: the app server sits in a private subnet
// (its route table, the VPC's main one, has no route to the internet gateway) without a public IP, so
// nothing from the internet arrives — until one line adds a route or a public IP. tierguard reports it as
// latent, the SSH rule on the web tier as reachable.
const appSg = new aws.ec2.SecurityGroup("app-sg", {
    vpcId: vpc.id,
    description: "App servers",
    ingress: [
        { protocol: "tcp", fromPort: 9000, toPort: 9000, securityGroups: [webSg.id], description: "app API from the web tier" },
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh for the on-call engineer" },
    ],
    egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS to AWS APIs" }],
});
new aws.ec2.Instance("app-0", {
    ami: ami.id,
    instanceType,
    subnetId: privateSubnets[0].id,
    vpcSecurityGroupIds: [appSg.id],
    tags: { Name: "app-0", "tierguard:tier": "app" },
});

const dbSubnets = new aws.rds.SubnetGroup("db", { subnetIds: [...publicSubnets, ...privateSubnets].map((s) => s.id) });
// MISTAKE: a publicly accessible database.
const db = new aws.rds.Instance("db", {
    engine: "postgres",
    engineVersion: "16",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    password: dbPassword,
    dbSubnetGroupName: dbSubnets.name,
    vpcSecurityGroupIds: [dbSg.id],
    publiclyAccessible: true,
    skipFinalSnapshot: true,
});

export const url = pulumi.interpolate`http://${lb.dnsName}`;
export const dbEndpoint = db.endpoint;
