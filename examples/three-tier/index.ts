/**
 * A three-tier web app built the way tierguard enforces: internet → load balancer (HTTPS, HTTP only
 * to redirect) → web tier in private subnets (an auto-scaling group, reached only from the load
 * balancer, no SSH: Session Manager instead) → PostgreSQL (reached only from the web tier, not
 * publicly accessible). Egress only where needed: the web tier reaches HTTPS on the internet
 * through a NAT gateway; the database reaches nothing. `tierguard check examples/three-tier`
 * reports no violation.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
// From npm: import { ThreeTierSecurityGroups } from "tierguard";
import { ThreeTierSecurityGroups } from "../../components";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "app.example.com";
const instanceType = config.get("instanceType") ?? "t3.micro";

// --- Network: public subnets for the load balancer and NAT, private ones for the web tier and database.
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, tags: { Name: "three-tier" } });
const zones = aws.getAvailabilityZonesOutput({ state: "available" });
const publicSubnets = [0, 1].map((i) => new aws.ec2.Subnet(`public-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: zones.names[i] }));
const privateSubnets = [0, 1].map(
    (i) => new aws.ec2.Subnet(`private-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${10 + i}.0/24`, availabilityZone: zones.names[i] }),
);

const gateway = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
const publicRoutes = new aws.ec2.RouteTable("public", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: gateway.id }] });
publicSubnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`public-${i}`, { subnetId: subnet.id, routeTableId: publicRoutes.id }));

const natAddress = new aws.ec2.Eip("nat", { domain: "vpc" });
const nat = new aws.ec2.NatGateway("nat", { subnetId: publicSubnets[0].id, allocationId: natAddress.id });
const privateRoutes = new aws.ec2.RouteTable("private", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }] });
privateSubnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`private-${i}`, { subnetId: subnet.id, routeTableId: privateRoutes.id }));

// The VPC's default security group keeps no rule: nothing gets access by landing in it.
new aws.ec2.DefaultSecurityGroup("default", { vpcId: vpc.id });

// --- Security groups: correct by construction.
const groups = new ThreeTierSecurityGroups("shop", {
    vpcId: vpc.id,
    loadBalancer: { http: true },
    web: { port: 8080 },
    database: { port: 5432 },
    egress: {
        web: [{ cidrs: ["0.0.0.0/0", "::/0"], protocol: "tcp", ports: [443], description: "HTTPS for OS updates and AWS APIs (SSM)" }],
    },
    tags: { app: "shop" },
});

// --- Load balancer: HTTPS, and HTTP only to redirect to it.
const certificate = new aws.acm.Certificate("shop", { domainName: domain, validationMethod: "DNS" });
const lb = new aws.lb.LoadBalancer("shop", {
    loadBalancerType: "application",
    subnets: publicSubnets.map((s) => s.id),
    securityGroups: [groups.loadBalancer.id],
});
const targets = new aws.lb.TargetGroup("web", { port: 8080, protocol: "HTTP", vpcId: vpc.id, targetType: "instance", healthCheck: { path: "/health" } });
new aws.lb.Listener("https", {
    loadBalancerArn: lb.arn,
    port: 443,
    protocol: "HTTPS",
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    certificateArn: certificate.arn,
    defaultActions: [{ type: "forward", targetGroupArn: targets.arn }],
});
new aws.lb.Listener("http", {
    loadBalancerArn: lb.arn,
    port: 80,
    protocol: "HTTP",
    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
});

// --- Web tier: an auto-scaling group in private subnets; admins use Session Manager, not SSH.
const role = new aws.iam.Role("web", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
});
new aws.iam.RolePolicyAttachment("web-ssm", { role: role.name, policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" });
const profile = new aws.iam.InstanceProfile("web", { role: role.name });
const ami = aws.ec2.getAmiOutput({ mostRecent: true, owners: ["amazon"], filters: [{ name: "name", values: ["al2023-ami-*-x86_64"] }] });
const template = new aws.ec2.LaunchTemplate("web", {
    imageId: ami.id,
    instanceType,
    vpcSecurityGroupIds: [groups.web.id],
    iamInstanceProfile: { arn: profile.arn },
    metadataOptions: { httpTokens: "required" },
});
new aws.autoscaling.Group("web", {
    vpcZoneIdentifiers: privateSubnets.map((s) => s.id),
    minSize: 2,
    maxSize: 4,
    launchTemplate: { id: template.id, version: "$Latest" },
    targetGroupArns: [targets.arn],
    healthCheckType: "ELB",
});

// --- Database: private subnets, reached only from the web tier, never public.
const dbSubnets = new aws.rds.SubnetGroup("db", { subnetIds: privateSubnets.map((s) => s.id) });
const db = new aws.rds.Instance("db", {
    engine: "postgres",
    engineVersion: "16",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    storageEncrypted: true,
    username: "shop",
    manageMasterUserPassword: true,
    dbSubnetGroupName: dbSubnets.name,
    vpcSecurityGroupIds: [groups.database.id],
    publiclyAccessible: false,
    skipFinalSnapshot: true,
});

export const url = pulumi.interpolate`https://${domain}`;
export const loadBalancerDns = lb.dnsName;
export const databaseEndpoint = db.endpoint;
