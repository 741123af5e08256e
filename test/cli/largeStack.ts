/** Writes a realistic large stack export: VPCs, subnets, groups with inline and standalone rules, instances, load balancers, databases, NACLs. */
import * as fs from "fs";

export function writeLargeExport(file: string, target: number): number {
    const stack = "big";
    const project = "fleet";
    const urn = (type: string, name: string) => `urn:pulumi:${stack}::${project}::${type}::${name}`;
    const resources: Array<Record<string, unknown>> = [{ urn: urn("pulumi:pulumi:Stack", `${project}-${stack}`), custom: false, type: "pulumi:pulumi:Stack", outputs: {} }];
    const add = (type: string, name: string, id: string, inputs: Record<string, unknown>, deps: Record<string, string[]> = {}) => {
        resources.push({ urn: urn(type, name), custom: true, id, type, inputs, outputs: { ...inputs, id }, dependencies: [...new Set(Object.values(deps).flat())], propertyDependencies: deps });
    };
    for (let app = 0; resources.length < target; app++) {
        const vpc = `vpc-${app}`;
        add("aws:ec2/vpc:Vpc", `vpc-${app}`, vpc, { cidrBlock: "10.0.0.0/16" });
        add("aws:ec2/subnet:Subnet", `subnet-${app}`, `subnet-${app}`, { vpcId: vpc, cidrBlock: "10.0.1.0/24" });
        add("aws:ec2/networkAcl:NetworkAcl", `acl-${app}`, `acl-${app}`, {
            vpcId: vpc,
            subnetIds: [`subnet-${app}`],
            ingress: [{ ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" }, { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" }],
            egress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }],
        });
        const sg = (name: string, tier: string, ingress: unknown[]) => add("aws:ec2/securityGroup:SecurityGroup", name, `sg-${name}`, { vpcId: vpc, description: name, ingress, egress: [], tags: { "tierguard:tier": tier } });
        sg(`lb-${app}`, "public", [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "https" }]);
        sg(`web-${app}`, "web", []);
        add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `web-in-${app}`, `sgr-w${app}`, { securityGroupId: `sg-web-${app}`, ipProtocol: "tcp", fromPort: 8080, toPort: 8080, referencedSecurityGroupId: `sg-lb-${app}`, description: "from lb" });
        // Every tenth app makes a mistake: SSH open to the world.
        sg(`db-${app}`, "data", [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [`sg-web-${app}`], description: "pg" }, ...(app % 10 === 0 ? [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "debug" }] : [])]);
        add("aws:lb/loadBalancer:LoadBalancer", `lb-${app}`, `arn:lb-${app}`, { subnets: [`subnet-${app}`], securityGroups: [`sg-lb-${app}`] });
        for (let i = 0; i < 3; i++) add("aws:ec2/instance:Instance", `web-${app}-${i}`, `i-${app}-${i}`, { ami: "ami-1", subnetId: `subnet-${app}`, vpcSecurityGroupIds: [`sg-web-${app}`] });
        add("aws:rds/instance:Instance", `db-${app}`, `db-${app}`, { engine: "postgres", vpcSecurityGroupIds: [`sg-db-${app}`], publiclyAccessible: false });
    }
    fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { resources } }));
    return resources.length;
}
