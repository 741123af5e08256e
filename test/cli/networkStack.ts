/**
 * A stack export with routing for the graph tests: a VPC with an internet gateway, a public subnet (its
 * route table sends 0.0.0.0/0 to the gateway) and a private one; a bastion with a public IP open to SSH
 * from the internet (reachable: red), an internet-facing load balancer whose HTTPS listener forwards to
 * port 22 of an app instance in the private subnet (an internet-exposure violation through the load
 * balancer), and a rule on the app's group open to the internet on 9000 though the app has no public
 * address (latent). Names are parameters, so the escaping tests can make them hostile.
 */
export interface NetworkNames {
    vpc: string;
    gateway: string;
    publicSubnet: string;
    privateSubnet: string;
    loadBalancer: string;
    bastion: string;
    app: string;
}

export const PLAIN_NAMES: NetworkNames = {
    vpc: "vpc",
    gateway: "igw",
    publicSubnet: "public-a",
    privateSubnet: "private-a",
    loadBalancer: "front",
    bastion: "bastion",
    app: "app",
};

const world = (port: number, description: string) => ({
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    cidrBlocks: ["0.0.0.0/0"],
    ipv6CidrBlocks: [],
    prefixListIds: [],
    securityGroups: [],
    self: false,
    description,
});

export function networkExport(names: NetworkNames = PLAIN_NAMES, project = "net", stack = "dev"): unknown {
    const urn = (type: string, name: string) => `urn:pulumi:${stack}::${project}::${type}::${name}`;
    const resource = (type: string, name: string, id: string, props: Record<string, unknown>) => ({
        urn: urn(type, name),
        custom: true,
        id,
        type,
        inputs: props,
        outputs: { ...props, id },
        dependencies: [],
        propertyDependencies: {},
    });
    const SG = "aws:ec2/securityGroup:SecurityGroup";
    const INSTANCE = "aws:ec2/instance:Instance";
    return {
        version: 3,
        deployment: {
            resources: [
                { urn: urn("pulumi:pulumi:Stack", `${project}-${stack}`), custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
                resource("aws:ec2/vpc:Vpc", names.vpc, "vpc-1", { cidrBlock: "10.0.0.0/16" }),
                resource("aws:ec2/internetGateway:InternetGateway", names.gateway, "igw-1", { vpcId: "vpc-1" }),
                resource("aws:ec2/subnet:Subnet", names.publicSubnet, "subnet-pub", { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: true }),
                resource("aws:ec2/subnet:Subnet", names.privateSubnet, "subnet-priv", { vpcId: "vpc-1", cidrBlock: "10.0.10.0/24" }),
                resource("aws:ec2/routeTable:RouteTable", "public", "rtb-1", { vpcId: "vpc-1", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }] }),
                resource("aws:ec2/routeTableAssociation:RouteTableAssociation", "public", "rtbassoc-1", { subnetId: "subnet-pub", routeTableId: "rtb-1" }),
                resource(SG, "lb-sg", "sg-lb", {
                    vpcId: "vpc-1",
                    description: "lb",
                    ingress: [world(443, "https")],
                    egress: [],
                    tags: { "tierguard:tier": "public" },
                }),
                resource(SG, "bastion-sg", "sg-bastion", { vpcId: "vpc-1", description: "bastion", ingress: [world(22, "ssh")], egress: [] }),
                resource(SG, "app-sg", "sg-app", {
                    vpcId: "vpc-1",
                    description: "app",
                    ingress: [{ ...world(22, "ssh from the load balancer"), cidrBlocks: [], securityGroups: ["sg-lb"] }, world(9000, "metrics")],
                    egress: [],
                }),
                resource(INSTANCE, names.bastion, "i-bastion", {
                    ami: "ami-1",
                    instanceType: "t3.micro",
                    subnetId: "subnet-pub",
                    associatePublicIpAddress: true,
                    vpcSecurityGroupIds: ["sg-bastion"],
                }),
                resource(INSTANCE, names.app, "i-app", {
                    ami: "ami-1",
                    instanceType: "t3.micro",
                    subnetId: "subnet-priv",
                    associatePublicIpAddress: false,
                    vpcSecurityGroupIds: ["sg-app"],
                    tags: { "tierguard:tier": "app" },
                }),
                resource("aws:lb/loadBalancer:LoadBalancer", names.loadBalancer, "lb-1", {
                    arn: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/front/1",
                    loadBalancerType: "application",
                    internal: false,
                    subnets: ["subnet-pub"],
                    securityGroups: ["sg-lb"],
                    tags: { "tierguard:tier": "public" },
                }),
                resource("aws:lb/targetGroup:TargetGroup", "admin", "tg-1", {
                    arn: "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/admin/1",
                    port: 22,
                    protocol: "HTTP",
                    vpcId: "vpc-1",
                }),
                resource("aws:lb/listener:Listener", "https", "listener-1", {
                    arn: "arn:aws:elasticloadbalancing:eu-west-1:1:listener/app/front/1/1",
                    loadBalancerArn: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/front/1",
                    port: 443,
                    protocol: "HTTPS",
                    defaultActions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/admin/1" }],
                }),
                resource("aws:lb/targetGroupAttachment:TargetGroupAttachment", "app", "tga-1", {
                    targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/admin/1",
                    targetId: "i-app",
                    port: 22,
                }),
            ],
        },
    };
}
