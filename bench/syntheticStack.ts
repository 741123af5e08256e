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

/** Resources of one application; `app` numbers it and chooses its mistakes. */
function application(
    app: number,
    add: (
        type: string,
        name: string,
        id: string,
        inputs: Record<string, unknown>,
        deps?: Record<string, string[]>,
        outputs?: Record<string, unknown>,
    ) => string,
): void {
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

/** A stack of at least `target` resources (the root stack included). */
export function syntheticStack(target: number): SyntheticStack {
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
