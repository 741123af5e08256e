/**
 * The stack policies over the engine protocol, in update mode (known ids) and preview mode
 * (unknown ids linked by propertyDependencies).
 */
import { Diagnostic, PackProcess } from "../../cli/engine/packProcess";
import { Declared, Mode, T, buildStack, ref, tcpFrom } from "./stackBuilder";

let pack: PackProcess;
beforeAll(async () => {
    pack = await PackProcess.start();
});
afterAll(async () => {
    await pack?.stop();
});
beforeEach(() => pack.configure({}));

const MODES: Mode[] = ["update", "preview"];
const analyze = (declared: Declared[], mode: Mode) => pack.analyzeStack(buildStack(declared, mode));
const of = (ds: Diagnostic[], policy: string) => ds.filter((d) => d.policyName === policy);
const names = (ds: Diagnostic[]) => ds.map((d) => d.urn.split("::").pop()).sort();

const vpc: Declared = { type: T.vpc, name: "vpc", props: { cidrBlock: "10.0.0.0/16" } };
const subnet: Declared = { type: T.subnet, name: "subnet-a", props: { vpcId: ref("vpc"), cidrBlock: "10.0.1.0/24" } };
const lbSg: Declared = { type: T.sg, name: "lb-sg", props: { vpcId: ref("vpc"), ingress: [tcpFrom(443, { cidrBlocks: ["0.0.0.0/0"] })], egress: [] } };
const webSg: Declared = { type: T.sg, name: "web-sg", props: { vpcId: ref("vpc"), ingress: [tcpFrom(8080, { securityGroups: [ref("lb-sg")] })], egress: [] } };
const dbSg: Declared = { type: T.sg, name: "db-sg", props: { vpcId: ref("vpc"), ingress: [tcpFrom(5432, { securityGroups: [ref("web-sg")] })], egress: [] } };
const lb: Declared = { type: T.lb, name: "lb", props: { loadBalancerType: "application", subnets: [ref("subnet-a")], securityGroups: [ref("lb-sg")] } };
const web = (groups: unknown[], extra: Record<string, unknown> = {}): Declared => ({ type: T.instance, name: "web", props: { ami: "ami-1", subnetId: ref("subnet-a"), vpcSecurityGroupIds: groups, tags: { "tierguard:tier": "web" }, ...extra } });
const db = (groups: unknown[]): Declared => ({ type: T.rds, name: "orders-db", props: { engine: "postgres", vpcSecurityGroupIds: groups, publiclyAccessible: false } });
const base = [vpc, subnet, lbSg, webSg, dbSg, lb];

describe.each(MODES)("tier-isolation (%s)", (mode) => {
    it("passes a correct three-tier stack", async () => {
        const ds = await analyze([...base, web([ref("web-sg")]), db([ref("db-sg")])], mode);
        expect(of(ds, "tier-isolation")).toEqual([]);
    });
    it("reports a database carrying the web group by mistake (reachable from the public tier)", async () => {
        const found = of(await analyze([...base, web([ref("web-sg")]), db([ref("db-sg"), ref("web-sg")])], mode), "tier-isolation");
        expect(names(found)).toEqual(["orders-db"]);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].message).toContain('"orders-db" (tier data, from its type (a data service)) is reachable from tier public');
        expect(found[0].message).toContain('it carries "web-sg", whose ingress[0] allows TCP port 8080');
    });
    it("reports a database reachable from the internet, naming the path", async () => {
        const openDb: Declared = { ...dbSg, props: { ...dbSg.props, ingress: [tcpFrom(5432, { cidrBlocks: ["0.0.0.0/0"] })] } };
        const found = of(await analyze([vpc, subnet, lbSg, webSg, openDb, lb, web([ref("web-sg")]), db([ref("db-sg")])], mode), "tier-isolation");
        expect(found.map((d) => d.message)).toEqual([expect.stringContaining('is reachable from the internet (0.0.0.0/0): it carries "db-sg", whose ingress[0] allows TCP port 5432 from 0.0.0.0/0')]);
    });
    it("judges the union of two groups on one instance", async () => {
        const ssh: Declared = { type: T.sg, name: "ssh-sg", props: { vpcId: ref("vpc"), ingress: [tcpFrom(22, { cidrBlocks: ["0.0.0.0/0"] })], egress: [] } };
        const found = of(await analyze([...base, ssh, web([ref("web-sg"), ref("ssh-sg")]), db([ref("db-sg")])], mode), "tier-isolation");
        expect(names(found)).toEqual(["web"]);
        expect(found[0].message).toContain('it carries "ssh-sg"');
    });
    it("treats groups outside the stack (literal ids) as trusted-but-unknown peers, not the internet", async () => {
        const external: Declared = { ...dbSg, props: { ...dbSg.props, ingress: [tcpFrom(5432, { securityGroups: ["sg-0fedcba9876543210"] })] } };
        const ds = await analyze([vpc, subnet, lbSg, webSg, external, lb, web([ref("web-sg")]), db([ref("db-sg"), "sg-0123456789abcdef0"])], mode);
        expect(of(ds, "tier-isolation")).toEqual([]);
    });
    it("narrows internet exposure by the subnet's NACL: a deny before the allow removes it, an allow before the deny does not", async () => {
        const ssh: Declared = { type: T.sg, name: "ssh-sg", props: { vpcId: ref("vpc"), ingress: [tcpFrom(22, { cidrBlocks: ["0.0.0.0/0"] })], egress: [] } };
        const entry = (ruleNo: number, action: string, protocol: string, from: number, to: number) => ({ ruleNo, action, protocol, fromPort: from, toPort: to, cidrBlock: "0.0.0.0/0" });
        const nacl = (ingress: unknown[]): Declared => ({ type: T.nacl, name: "nacl", props: { vpcId: ref("vpc"), subnetIds: [ref("subnet-a")], ingress, egress: [entry(100, "allow", "-1", 0, 0)] } });
        const stack = (n: Declared) => [...base, ssh, n, web([ref("web-sg"), ref("ssh-sg")]), db([ref("db-sg")])];
        const denied = await analyze(stack(nacl([entry(90, "deny", "tcp", 22, 22), entry(100, "allow", "-1", 0, 0)])), mode);
        expect(of(denied, "tier-isolation")).toEqual([]);
        const allowedFirst = await analyze(stack(nacl([entry(90, "allow", "-1", 0, 0), entry(100, "deny", "tcp", 22, 22)])), mode);
        expect(names(of(allowedFirst, "tier-isolation"))).toEqual(["web"]);
    });
    it("requireTiers reports resources that carry groups but have no tier", async () => {
        const untagged: Declared = { type: T.instance, name: "worker", props: { ami: "ami-1", subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("web-sg")] } };
        const stack = [...base, untagged, db([ref("db-sg")])];
        expect(of(await analyze(stack, mode), "tier-isolation")).toEqual([]);
        await pack.configure({ "tier-isolation": { enforcementLevel: "mandatory", requireTiers: true } });
        const found = of(await analyze(stack, mode), "tier-isolation");
        expect(names(found)).toEqual(["worker"]);
        expect(found[0].message).toContain("has no tier");
    });
    it("resolves managed prefix lists defined in the stack to their entries", async () => {
        const list: Declared = { type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "partners", props: { addressFamily: "IPv4", maxEntries: 5, entries: [{ cidr: "198.51.100.0/24" }, { cidr: "0.0.0.0/0" }] } };
        const viaList: Declared = { ...dbSg, props: { ...dbSg.props, ingress: [tcpFrom(5432, { prefixListIds: [ref("partners")] })] } };
        const found = of(await analyze([vpc, subnet, lbSg, webSg, viaList, list, lb, web([ref("web-sg")]), db([ref("db-sg")])], mode), "tier-isolation");
        expect(names(found)).toEqual(["orders-db"]);
        expect(found[0].message).toContain("its entries include the internet");
    });
    it("flows config replaces the defaults; data from the public tier always fails", async () => {
        await pack.configure({ "tier-isolation": { enforcementLevel: "mandatory", flows: [["internet", "public"], ["public", "web"], ["public", "data"], ["web", "data"]] } });
        const found = of(await analyze([...base, web([ref("web-sg")]), db([ref("db-sg"), ref("web-sg")])], mode), "tier-isolation");
        expect(names(found)).toEqual(["orders-db"]);
    });
});

describe("tier-isolation in a preview with an ambiguous unknown id", () => {
    it("judges each candidate group and says it may be reachable (advisory)", async () => {
        const stack = buildStack([...base, web([ref("web-sg")]), db([ref("db-sg")])], "preview");
        // The database's vpcSecurityGroupIds was fed by both groups, but holds a single unknown id.
        const dbResource = stack.find((r) => r.name === "orders-db")!;
        dbResource.propertyDependencies = { vpcSecurityGroupIds: [stack.find((r) => r.name === "db-sg")!.urn!, stack.find((r) => r.name === "web-sg")!.urn!] };
        const found = of(await pack.analyzeStack(stack), "tier-isolation");
        expect(found.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        expect(found[0].message).toContain("may be reachable from tier public");
    });
});

describe.each(MODES)("no-mixed-inline-and-standalone-rules (%s)", (mode) => {
    const standalone: Declared = { type: T.ingressRule, name: "extra-ssh", props: { securityGroupId: ref("web-sg"), ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/8", description: "ops" } };
    it("reports a group with inline rules and a standalone rule resource", async () => {
        const found = of(await analyze([...base, standalone, web([ref("web-sg")]), db([ref("db-sg")])], mode), "no-mixed-inline-and-standalone-rules");
        expect(names(found)).toEqual(["web-sg"]);
        expect(found[0].message).toContain('standalone rule resources ("extra-ssh")');
    });
    it("passes groups with only standalone rules, even when deployed outputs list those rules inline", async () => {
        const onlyStandalone: Declared = { type: T.sg, name: "ops-sg", props: { vpcId: ref("vpc"), ...(mode === "update" ? { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"], description: "ops" }], egress: [] } : {}) } };
        const rule: Declared = { ...standalone, props: { ...standalone.props, securityGroupId: ref("ops-sg") } };
        const ds = await analyze([...base, onlyStandalone, rule, web([ref("web-sg"), ref("ops-sg")]), db([ref("db-sg")])], mode);
        expect(of(ds, "no-mixed-inline-and-standalone-rules")).toEqual([]);
    });
});

describe.each(MODES)("resources-use-explicit-security-groups (%s)", (mode) => {
    it("reports an instance, an RDS instance and an application load balancer that name no group", async () => {
        const bare = [
            { type: T.instance, name: "bare-vm", props: { ami: "ami-1", subnetId: ref("subnet-a") } },
            { type: T.rds, name: "bare-db", props: { engine: "mysql" } },
            { type: T.lb, name: "bare-alb", props: { subnets: [ref("subnet-a")] } },
            { type: T.lb, name: "nlb", props: { loadBalancerType: "network", subnets: [ref("subnet-a")] } },
            { type: T.instance, name: "from-template", props: { launchTemplate: { id: "lt-1" } } },
        ];
        const found = of(await analyze([...base, ...bare, web([ref("web-sg")]), db([ref("db-sg")])], mode), "resources-use-explicit-security-groups");
        expect(names(found)).toEqual(["bare-alb", "bare-db", "bare-vm"]);
        expect(found.every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });
});

describe.each(MODES)("security-groups-are-attached (%s)", (mode) => {
    it("reports a group no resource carries; a group used by a resource type tierguard does not model counts as carried", async () => {
        const lonely: Declared = { type: T.sg, name: "lonely-sg", props: { vpcId: ref("vpc"), ingress: [], egress: [] } };
        const endpointSg: Declared = { type: T.sg, name: "endpoint-sg", props: { vpcId: ref("vpc"), ingress: [], egress: [] } };
        const endpoint: Declared = { type: T.vpcEndpoint, name: "s3", props: { vpcId: ref("vpc"), securityGroupIds: [ref("endpoint-sg")] } };
        const found = of(await analyze([...base, lonely, endpointSg, endpoint, web([ref("web-sg")]), db([ref("db-sg")])], mode), "security-groups-are-attached");
        expect(names(found)).toEqual(["lonely-sg"]);
    });
});

describe.each(MODES)("nacl-allows-return-traffic (%s)", (mode) => {
    const entry = (ruleNo: number, action: string, protocol: string, from: number, to: number, cidrBlock = "0.0.0.0/0") => ({ ruleNo, action, protocol, fromPort: from, toPort: to, cidrBlock });
    const nacl = (ingress: unknown[], egress: unknown[]): Declared => ({ type: T.nacl, name: "edge-acl", props: { vpcId: ref("vpc"), subnetIds: [ref("subnet-a")], ingress, egress } });
    it("reports inbound HTTPS without outbound ephemeral ports, and the reverse", async () => {
        const found = of(await analyze([...base, nacl([entry(100, "allow", "tcp", 443, 443)], [entry(100, "allow", "tcp", 5432, 5432, "10.0.0.0/16")])], mode), "nacl-allows-return-traffic");
        expect(found.map((d) => d.message)).toEqual([
            expect.stringContaining("allows TCP port 443 in from 0.0.0.0/0, but egress TCP ports 32768-65535 to 0.0.0.0/0 is not allowed"),
            expect.stringContaining("allows TCP port 5432 out to 10.0.0.0/16, but ingress TCP ports 32768-65535 from 10.0.0.0/16 is not allowed"),
        ]);
        expect(found[0].message).toContain("NAT gateways and load balancers need 1024-65535");
    });
    it("passes when the replies are allowed, also through a standalone rule", async () => {
        const ok = nacl([entry(100, "allow", "tcp", 443, 443), entry(110, "allow", "tcp", 32768, 65535)], [entry(100, "allow", "tcp", 32768, 65535)]);
        expect(of(await analyze([...base, ok], mode), "nacl-allows-return-traffic")).toEqual([]);
        const viaRule: Declared = { type: T.naclRule, name: "replies", props: { networkAclId: ref("edge-acl"), ruleNumber: 100, egress: true, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 32768, toPort: 65535 } };
        expect(of(await analyze([...base, nacl([entry(100, "allow", "tcp", 443, 443)], []), viaRule], mode), "nacl-allows-return-traffic")).toEqual([]);
    });
    it("notices a deny that comes before the replies' allow, and takes ephemeralPorts from config", async () => {
        const blocked = nacl([entry(100, "allow", "tcp", 443, 443)], [entry(50, "deny", "tcp", 40000, 40100), entry(100, "allow", "tcp", 32768, 65535)]);
        expect(of(await analyze([...base, blocked], mode), "nacl-allows-return-traffic")[0].message).toContain("egress TCP ports 40000-40100");
        await pack.configure({ "nacl-allows-return-traffic": { enforcementLevel: "advisory", ephemeralPorts: ["1024-65535"] } });
        expect(of(await analyze([...base, nacl([entry(100, "allow", "tcp", 443, 443)], [entry(100, "allow", "tcp", 32768, 65535)])], mode), "nacl-allows-return-traffic")[0].message).toContain("egress TCP ports 1024-32767");
    });
});

describe.each(MODES)("RDS cluster instances (%s)", (mode) => {
    it("carry their cluster's groups", async () => {
        const cluster: Declared = { type: T.rdsCluster, name: "aurora", props: { clusterIdentifier: "aurora", vpcSecurityGroupIds: [ref("db-sg"), ref("web-sg")] } };
        const member: Declared = { type: T.rdsClusterInstance, name: "aurora-1", props: { clusterIdentifier: mode === "update" ? "aurora" : ref("aurora") } };
        const found = of(await analyze([...base, cluster, member, web([ref("web-sg")])], mode), "tier-isolation");
        expect(names(found)).toEqual(["aurora", "aurora-1"]);
    });
});

describe("work shared between the policies of a request", () => {
    // The pack builds one graph per AnalyzeStack (and one rule model per Analyze) and lends it to
    // every policy; requests in flight together, with the same URNs but different properties, must
    // each still get their own verdict.
    const sshSg = (open: boolean): Declared => ({ type: T.sg, name: "ssh-sg", props: { vpcId: ref("vpc"), ingress: [tcpFrom(22, { cidrBlocks: [open ? "0.0.0.0/0" : "203.0.113.7/32"] })], egress: [] } });
    const stackWith = (open: boolean) => [vpc, subnet, lbSg, webSg, dbSg, sshSg(open), web([ref("web-sg"), ref("ssh-sg")]), db([ref("db-sg")])];

    it.each(MODES)("keeps concurrent AnalyzeStack requests apart (%s)", async (mode) => {
        const [open, closed, openAgain] = await Promise.all([analyze(stackWith(true), mode), analyze(stackWith(false), mode), analyze(stackWith(true), mode)]);
        expect(names(of(open, "tier-isolation"))).toEqual(["web"]);
        expect(of(closed, "tier-isolation")).toEqual([]);
        expect(openAgain).toEqual(open);
    });

    it("keeps concurrent Analyze requests for the same URN apart", async () => {
        const [open, closed] = await Promise.all(
            [true, false].map((isOpen) => {
                const group = buildStack([vpc, sshSg(isOpen)], "update").find((r) => r.name === "ssh-sg")!;
                return pack.analyze(group);
            }),
        );
        expect(of(open, "no-admin-ports-from-internet")).toHaveLength(1);
        expect(of(closed, "no-admin-ports-from-internet")).toEqual([]);
    });
});
