/**
 * Latent versus reachable (policypack/network/ruleExposure.ts): a resource policy's finding about a
 * world-open rule says whether the internet reaches a resource through the rule today, and if not
 * which hop is missing — computed in-process on the same stack, as `tierguard check` attaches it.
 */
import { ExampleResource, Mode, buildStack, computed, ref } from "../../policypack/kit/examples";
import { securityGroup, tcpFrom, vpc } from "../../policypack/kit/exampleParts";
import { InProcessFinding, judgeInProcess } from "../../policypack/inProcess";

const igw: ExampleResource = { type: "aws:ec2/internetGateway:InternetGateway", name: "igw", props: { vpcId: ref("vpc") } };
const table = (name: string, routes: unknown[]): ExampleResource => ({ type: "aws:ec2/routeTable:RouteTable", name, props: { vpcId: ref("vpc"), routes } });
const subnet = (name: string, cidrBlock: string): ExampleResource => ({ type: "aws:ec2/subnet:Subnet", name, props: { vpcId: ref("vpc"), cidrBlock } });
const association = (subnetName: string, tableName: string): ExampleResource => ({
    type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    name: `${subnetName}-rta`,
    props: { subnetId: ref(subnetName), routeTableId: ref(tableName) },
});
const network: ExampleResource[] = [
    vpc,
    igw,
    table("public-rt", [{ cidrBlock: "0.0.0.0/0", gatewayId: ref("igw") }]),
    table("private-rt", []),
    subnet("public-a", "10.0.1.0/24"),
    subnet("private-a", "10.0.2.0/24"),
    association("public-a", "public-rt"),
    association("private-a", "private-rt"),
];
const sshSg = securityGroup("ssh-sg", [tcpFrom(22, { cidrBlocks: ["0.0.0.0/0"] })], {
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "all" }],
});
const server = (props: Record<string, unknown>): ExampleResource => ({
    type: "aws:ec2/instance:Instance",
    name: "app-1",
    props: { ami: "ami-1", instanceType: "t3.micro", vpcSecurityGroupIds: [ref("ssh-sg")], ...props },
});
const nacl = (ingress: unknown[], subnets = ["public-a"]): ExampleResource => ({
    type: "aws:ec2/networkAcl:NetworkAcl",
    name: "nacl",
    props: {
        vpcId: ref("vpc"),
        subnetIds: subnets.map((s) => ref(s)),
        ingress,
        egress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }],
    },
});
const entry = (ruleNo: number, action: string, protocol: string, fromPort: number, toPort: number) => ({
    ruleNo,
    action,
    protocol,
    fromPort,
    toPort,
    cidrBlock: "0.0.0.0/0",
});

function findings(resources: ExampleResource[], mode: Mode = "update"): InProcessFinding[] {
    const stack = buildStack(resources, mode);
    return judgeInProcess(stack, stack, {});
}

/** The admin-port finding on the SSH rule of ssh-sg. */
function sshFinding(resources: ExampleResource[], mode: Mode = "update"): InProcessFinding {
    const found = findings(resources, mode).find((f) => f.policy === "no-admin-ports-from-internet" && f.rule?.origin.resourceName === "ssh-sg");
    expect(found).toBeDefined();
    return found!;
}

describe("exposure of resource-policy findings", () => {
    it("reachable: public IP, route to an internet gateway, no ACL in the way", () => {
        const f = sshFinding([...network, sshSg, server({ subnetId: ref("public-a"), associatePublicIpAddress: true })]);
        expect(f.exposure).toMatchObject({ exposure: "reachable" });
        expect(f.exposure!.hop).toBeUndefined();
        expect(f.exposure!.reason).toContain('"app-1": reachable from the internet today');
        expect(f.exposure!.reason).toContain('internet gateway "igw"');
    });

    it("latent: no public address", () => {
        const f = sshFinding([...network, sshSg, server({ subnetId: ref("public-a") })]);
        expect(f.exposure).toMatchObject({ exposure: "latent", hop: "address" });
        expect(f.exposure!.reason).toContain('"app-1": it has no public IP');
    });

    it("latent: no public address in a private subnet names the missing route too", () => {
        const f = sshFinding([...network, sshSg, server({ subnetId: ref("private-a") })]);
        expect(f.exposure).toMatchObject({ exposure: "latent", hop: "address" });
        expect(f.exposure!.reason).toMatch(
            /^"app-1": it has no public IP.*, and route table "private-rt".*has no 0\.0\.0\.0\/0 route to an internet gateway, nor any route sending internet addresses there$/,
        );
    });

    it("latent: the subnet has no route to an internet gateway", () => {
        const f = sshFinding([...network, sshSg, server({ subnetId: ref("private-a"), associatePublicIpAddress: true })]);
        expect(f.exposure).toMatchObject({ exposure: "latent", hop: "route" });
        expect(f.exposure!.reason).toMatch(/route table "private-rt".*has no 0\.0\.0\.0\/0 route to an internet gateway/);
    });

    it("latent: the subnet's network ACL denies it first", () => {
        const resources = [
            ...network,
            nacl([entry(90, "deny", "tcp", 22, 22), entry(100, "allow", "-1", 0, 0)]),
            sshSg,
            server({ subnetId: ref("public-a"), associatePublicIpAddress: true }),
        ];
        const f = sshFinding(resources);
        expect(f.exposure).toMatchObject({ exposure: "latent", hop: "nacl" });
        expect(f.exposure!.reason).toContain('NACL "nacl" denies it');
    });

    it("latent: the group is attached to nothing", () => {
        const f = sshFinding([...network, sshSg]);
        expect(f.exposure).toMatchObject({ exposure: "latent", hop: "attachment" });
        expect(f.exposure!.reason).toBe('security group "ssh-sg" is attached to no resource in the stack');
    });

    it("unknown in a preview: whether the server gets a public IP is not known yet", () => {
        const f = sshFinding([...network, sshSg, server({ subnetId: ref("public-a"), associatePublicIpAddress: computed(true) })], "preview");
        expect(f.exposure).toMatchObject({ exposure: "unknown", hop: "address" });
        expect(f.exposure!.reason).toContain("whether it gets a public IP is not known");
    });

    it("the same stack in an update: reachable", () => {
        const f = sshFinding([...network, sshSg, server({ subnetId: ref("public-a"), associatePublicIpAddress: computed(true) })], "update");
        expect(f.exposure?.exposure).toBe("reachable");
    });

    it("reachable over several carriers when one is reached, latent naming each when none is", () => {
        const second: ExampleResource = { ...server({ subnetId: ref("public-a"), associatePublicIpAddress: true }), name: "app-2" };
        const reached = sshFinding([...network, sshSg, server({ subnetId: ref("private-a") }), second]);
        expect(reached.exposure).toMatchObject({ exposure: "reachable" });
        expect(reached.exposure!.reason).toContain('"app-2"');
        const latent = sshFinding([
            ...network,
            sshSg,
            server({ subnetId: ref("private-a"), associatePublicIpAddress: true }),
            { ...second, props: { ...second.props, associatePublicIpAddress: false } },
        ]);
        expect(latent.exposure?.exposure).toBe("latent");
        expect(latent.exposure!.hop).toBeUndefined(); // two different missing hops
        expect(latent.exposure!.reason).toMatch(/"app-1": .*no 0\.0\.0\.0\/0 route.*; "app-2": it has no public IP/);
    });

    it("a standalone rule gets the exposure of the group it joins", () => {
        const rule: ExampleResource = {
            type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            name: "rdp",
            props: { securityGroupId: ref("ssh-sg"), ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" },
        };
        const all = findings([...network, sshSg, rule, server({ subnetId: ref("private-a"), associatePublicIpAddress: true })]);
        const f = all.find((x) => x.policy === "no-admin-ports-from-internet" && x.urn.endsWith("::rdp"));
        expect(f?.exposure).toMatchObject({ exposure: "latent", hop: "route" });
    });

    it("a network ACL entry: reachable through a resource behind it, latent when it guards nothing", () => {
        const open = nacl([entry(100, "allow", "-1", 0, 0)]);
        const behind = findings([...network, open, sshSg, server({ subnetId: ref("public-a"), associatePublicIpAddress: true })]);
        const f = behind.find((x) => x.policy === "nacl-no-admin-ports-from-internet");
        expect(f?.exposure).toMatchObject({ exposure: "reachable" });
        const empty = findings([...network, open, sshSg, server({ subnetId: ref("private-a") })]);
        const g = empty.find((x) => x.policy === "nacl-no-admin-ports-from-internet");
        expect(g?.exposure).toMatchObject({ exposure: "latent", hop: "attachment" });
    });

    it("rules that do not admit the internet get no exposure", () => {
        const all = findings([...network, sshSg, server({ subnetId: ref("public-a"), associatePublicIpAddress: true })]);
        const egress = all.find((f) => f.policy === "no-unrestricted-egress");
        expect(egress).toBeDefined();
        expect(egress!.exposure).toBeUndefined();
        expect(all.filter((f) => f.policy === "internet-exposure").every((f) => f.exposure === undefined)).toBe(true);
    });
});

describe("exposure through an internet-facing load balancer", () => {
    const lbSg = securityGroup("lb-sg", [tcpFrom(443, { cidrBlocks: ["0.0.0.0/0"] })]);
    const loadBalancer = (props: Record<string, unknown> = {}): ExampleResource => ({
        type: "aws:lb/loadBalancer:LoadBalancer",
        name: "lb",
        props: { loadBalancerType: "application", subnets: [ref("public-a")], securityGroups: [ref("lb-sg")], ...props },
    });
    const targetGroup: ExampleResource = {
        type: "aws:lb/targetGroup:TargetGroup",
        name: "tg",
        props: { port: 8080, protocol: "HTTP", vpcId: ref("vpc"), targetType: "instance" },
    };
    const listener = (port: unknown = 443): ExampleResource => ({
        type: "aws:lb/listener:Listener",
        name: "front",
        props: { loadBalancerArn: ref("lb"), port, protocol: "HTTPS", defaultActions: [{ type: "forward", targetGroupArn: ref("tg") }] },
    });
    /** The app's group opens 8080 to the whole internet; the app sits in the private subnet without a public address. */
    const appSg = securityGroup("app-sg", [tcpFrom(8080, { cidrBlocks: ["0.0.0.0/0"] })]);
    const app: ExampleResource = {
        type: "aws:ec2/instance:Instance",
        name: "app-1",
        props: { ami: "ami-1", instanceType: "t3.micro", subnetId: ref("private-a"), vpcSecurityGroupIds: [ref("app-sg")] },
    };
    const attachment: ExampleResource = {
        type: "aws:lb/targetGroupAttachment:TargetGroupAttachment",
        name: "app-1-tg",
        props: { targetGroupArn: ref("tg"), targetId: ref("app-1"), port: 8080 },
    };
    const stack = (lb: ExampleResource = loadBalancer(), front: ExampleResource = listener()) => [
        ...network,
        lbSg,
        lb,
        targetGroup,
        front,
        appSg,
        app,
        attachment,
    ];
    /** The allow-list finding on app-sg's 8080 rule. */
    const appFinding = (resources: ExampleResource[], mode: Mode = "update") => {
        const found = findings(resources, mode).find((f) => f.policy === "internet-ingress-only-on-allowed-ports" && f.rule?.origin.resourceName === "app-sg");
        expect(found).toBeDefined();
        return found!;
    };

    it("reachable: an internet-facing ALB on 443 forwards to the target's 8080, which the world-open rule admits", () => {
        const f = appFinding(stack());
        expect(f.exposure).toMatchObject({ exposure: "reachable" });
        expect(f.exposure!.hop).toBeUndefined();
        expect(f.exposure!.reason).toContain('"app-1": reachable from the internet today through load balancer "lb" listener HTTPS 443 → target port 8080');
        expect(f.exposure!.reason).toContain('internet gateway "igw"');
        expect(f.exposure!.reason).toContain('target group "tg" (attachment "app-1-tg")');
    });

    it("latent: the same stack with an internal load balancer", () => {
        const f = appFinding(stack(loadBalancer({ internal: true })));
        expect(f.exposure).toMatchObject({ exposure: "latent", hop: "address" });
        expect(f.exposure!.reason).toContain('"app-1": it has no public IP');
    });

    it("latent: the load balancer sits in a private subnet (no route to an internet gateway)", () => {
        const f = appFinding(stack(loadBalancer({ subnets: [ref("private-a")] })));
        expect(f.exposure).toMatchObject({ exposure: "latent", hop: "address" });
    });

    it("latent: the rule does not cover the port the load balancer forwards to", () => {
        const other = securityGroup("app-sg", [tcpFrom(9090, { cidrBlocks: ["0.0.0.0/0"] })]);
        const resources = stack().map((r) => (r.name === "app-sg" ? other : r));
        const f = appFinding(resources);
        expect(f.exposure).toMatchObject({ exposure: "latent" });
    });

    it("unknown in a preview: the listener port is not known yet", () => {
        const f = appFinding(stack(loadBalancer(), listener(computed(443))), "preview");
        expect(f.exposure).toMatchObject({ exposure: "unknown", hop: "load-balancer" });
        expect(f.exposure!.reason).toContain('through load balancer "lb" listener HTTPS (port not known yet) → target port 8080 may reach it');
        const update = appFinding(stack(loadBalancer(), listener(computed(443))), "update");
        expect(update.exposure?.exposure).toBe("reachable");
    });

    it("direct reach still wins: a target with a public address in the public subnet names its direct path", () => {
        const direct = { ...app, props: { ...app.props, subnetId: ref("public-a"), associatePublicIpAddress: true } };
        const f = appFinding(stack().map((r) => (r.name === "app-1" ? direct : r)));
        expect(f.exposure).toMatchObject({ exposure: "reachable" });
        expect(f.exposure!.reason).not.toContain("through load balancer");
    });

    it("a world-open rule on the internet-facing load balancer's own group: reachable on a listener port it covers, latent where nothing listens", () => {
        const wide = securityGroup("lb-sg", [tcpFrom(8443, { cidrBlocks: ["0.0.0.0/0"] }), tcpFrom(9443, { cidrBlocks: ["0.0.0.0/0"] })]);
        const all = findings([...stack(loadBalancer(), listener(8443)).map((r) => (r.name === "lb-sg" ? wide : r))]);
        const onLb = (path: string) =>
            all.find((f) => f.policy === "internet-ingress-only-on-allowed-ports" && f.rule?.origin.resourceName === "lb-sg" && f.rule.origin.path === path);
        expect(onLb("ingress[0]")?.exposure).toMatchObject({ exposure: "reachable" });
        expect(onLb("ingress[0]")!.exposure!.reason).toContain('"lb": reachable from the internet today on load balancer "lb" listener HTTPS 8443');
        expect(onLb("ingress[1]")?.exposure).toMatchObject({ exposure: "latent", hop: "load-balancer" });
        expect(onLb("ingress[1]")!.exposure!.reason).toBe('"lb": no listener of load balancer "lb" on TCP port 9443');
        const internal = findings([...stack(loadBalancer({ internal: true }), listener(8443)).map((r) => (r.name === "lb-sg" ? wide : r))]);
        const f = internal.find((x) => x.policy === "internet-ingress-only-on-allowed-ports" && x.rule?.origin.resourceName === "lb-sg");
        expect(f?.exposure?.exposure).toBe("latent");
    });
    it("a ::/0 rule on an IPv4-only internet-facing load balancer's group is latent: it has no IPv6 address", () => {
        const v6 = securityGroup("lb-sg", [tcpFrom(8443, { ipv6CidrBlocks: ["::/0"] })]);
        const all = findings([...stack(loadBalancer(), listener(8443)).map((r) => (r.name === "lb-sg" ? v6 : r))]);
        const f = all.find((x) => x.policy === "internet-ingress-only-on-allowed-ports" && x.rule?.origin.resourceName === "lb-sg");
        expect(f?.exposure).toMatchObject({ exposure: "latent", hop: "address", reason: '"lb": load balancer "lb" has no IPv6 address' });
    });
});
