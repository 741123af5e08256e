/**
 * Components whose children a provider plugin creates, modeled when no plugin is installed: for each
 * model, a program whose only exposure is the component's default (the violation lands on the modeled
 * child, marked as modeled) and one whose arguments close it. Every case in preview and update mode,
 * except what the mode cannot change (which model a version picks, where SARIF locates a finding).
 * The components are registered as their SDKs register them (test/fixtures/programs/lib/remoteComponents.js).
 *
 * A run costs seconds of CPU whatever it holds, so the fixture program carries several cases at once
 * (-c component=a,b,c; no two cases share a resource name): one run of every open default, one of every
 * closed case, each case's findings asserted on its own resources, and each run's whole list of findings
 * asserted too (so no case's finding can hide behind another's).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MODES, Report, checkJsonWith } from "./checkJson";
import { ROOT, fixture, tierguardWith } from "./run";

// No plugin of any kind: every component is modeled or not checked.
const NO_PLUGINS = { PULUMI_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-no-plugins-")) };
const check = (program: string, mode: string, ...args: string[]) => checkJsonWith(NO_PLUGINS, program, mode, ...args);

const mandatoryOnModeled = (report: Report) =>
    [...new Set(report.violations.filter((v) => v.enforcementLevel === "mandatory" && v.modeled).map((v) => `${v.policy}@${v.resourceName}`))].sort();
/** mandatoryOnModeled, on the named resources only (one case's, in a program of several cases). */
const mandatoryOnModeledOf = (report: Report, ...names: string[]) => mandatoryOnModeled(report).filter((finding) => names.includes(finding.split("@")[1]));
const mandatory = (report: Report) => report.violations.filter((v) => v.enforcementLevel === "mandatory");
const component = (report: Report, name: string) => report.components.find((c) => c.name === name)!;

describe.each(MODES)("@pulumi/awsx models (%s)", (mode) => {
    const awsx = (name: string, ...config: string[]) => check("components-awsx", mode, "-c", `component=${name}`, ...config.flatMap((c) => ["-c", c]));
    type Run = ReturnType<typeof awsx>;
    // Every open default in one program, every closed case in another (awsx 2.22.0); awsx 3.8.0's load balancer on its own.
    const runs: Record<string, { open: Run; closed: Run }> = {};
    beforeAll(() => {
        runs["2.22.0"] = {
            open: awsx("alb,fargate,ec2service,nlb,vpc,defaultvpc,ecr", "awsxVersion=2.22.0"),
            closed: awsx("alb,alb-skip,fargate,ec2service,nlb,vpc", "awsxVersion=2.22.0", "closed=true"),
        };
        runs["3.8.0"] = { open: awsx("alb", "awsxVersion=3.8.0"), closed: awsx("alb", "awsxVersion=3.8.0", "closed=true") };
    }, 240_000);
    const open = () => runs["2.22.0"].open;
    const closed = () => runs["2.22.0"].closed;

    it("the program of every open default: exactly its cases' findings on modeled children, and it fails", () => {
        expect(open().report.program).toEqual({ status: "completed" });
        expect(mandatoryOnModeled(open().report)).toEqual([
            "internet-ingress-only-on-allowed-ports@api-sg",
            "internet-ingress-only-on-allowed-ports@web",
            "no-admin-ports-from-internet@api-sg",
            "no-admin-ports-from-internet@web",
            "no-database-ports-from-internet@api-sg",
            "no-database-ports-from-internet@web",
            "tier-isolation@db",
        ]);
        expect(open().code).toBe(1);
    });

    it("the program of every closed case: no mandatory finding at all, and it passes", () => {
        expect(closed().report.program).toEqual({ status: "completed" });
        expect(mandatory(closed().report)).toEqual([]);
        expect(closed().code).toBe(0);
    });

    it.each(["2.22.0", "3.8.0"])("lb.ApplicationLoadBalancer %s: the default group open to the world; the program's own group closes it", (version) => {
        const { open, closed } = runs[version];
        expect(open.code).toBe(1);
        expect(mandatoryOnModeledOf(open.report, "web")).toEqual([
            "internet-ingress-only-on-allowed-ports@web",
            "no-admin-ports-from-internet@web",
            "no-database-ports-from-internet@web",
        ]);
        if (version === "3.8.0") expect(mandatoryOnModeled(open.report)).toEqual(mandatoryOnModeledOf(open.report, "web")); // its program holds nothing else
        expect(open.report.violations.find((v) => v.resourceName === "web")!.urn).toBe(
            `urn:pulumi:dev::components-awsx::awsx:lb:ApplicationLoadBalancer$aws:ec2/securityGroup:SecurityGroup::web`,
        );
        expect(component(open.report, "web")).toMatchObject({ expandedBy: "model", version, network: "yes", resources: 4 });
        expect(mandatory(closed.report)).toEqual([]);
        expect(component(closed.report, "web").resources).toBe(3); // no default group
        expect(closed.code).toBe(0);
    });

    it("lb.ApplicationLoadBalancer with defaultSecurityGroup.skip makes no group", () => {
        expect(component(closed().report, "skipped").resources).toBe(3);
        expect(mandatory(closed().report)).toEqual([]);
    });

    it("ecs.FargateService: the default service group open to the world; a network configuration closes it", () => {
        expect(open().code).toBe(1);
        expect(mandatoryOnModeled(open().report)).toContain("no-admin-ports-from-internet@api-sg");
        expect(mandatory(closed().report)).toEqual([]);
        expect(component(closed().report, "api").resources).toBe(1);
        expect(closed().code).toBe(0);
    });

    it("ecs.EC2Service: its service carries the program's groups, judged as the data tier", () => {
        expect(open().code).toBe(1);
        expect(mandatoryOnModeledOf(open().report, "db")).toEqual(["tier-isolation@db"]);
        expect(mandatory(closed().report)).toEqual([]);
        expect(closed().code).toBe(0);
    });

    it("lb.NetworkLoadBalancer: load balancer, target group and listener, no group of its own", () => {
        expect(component(open().report, "edge")).toMatchObject({ expandedBy: "model", resources: 3 });
        expect(component(closed().report, "edge").resources).toBe(3);
    });

    it("ec2.Vpc: per zone a public and a private subnet, route tables, routes, NAT gateways and addresses; isolated specs make none of the routes", () => {
        // VPC + gateway + 3 zones × (2 subnets, 2 tables, 2 associations, 2 routes) + 3 addresses + 3 NAT gateways.
        expect(component(open().report, "net").resources).toBe(32);
        // VPC + gateway + 3 zones × (subnet, table, association).
        expect(component(closed().report, "net").resources).toBe(11);
    });

    it("arguments not known yet: the load balancer's subnets are not the default VPC's, the zone count is the default", () => {
        const run = awsx("unknown-args");
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.report.offline.filter((o) => (o.detail ?? "").includes('"web"'))).toEqual([]);
        expect(component(run.report, "net").resources).toBe(32);
        expect(mandatoryOnModeled(run.report)).toContain("no-admin-ports-from-internet@web");
        expect(run.code).toBe(1);
    });

    it("ec2.DefaultVpc and ecr.Repository create nothing the pack judges", () => {
        expect(component(open().report, "default")).toMatchObject({ expandedBy: "model", resources: 0 });
        expect(component(open().report, "images")).toMatchObject({ expandedBy: "model", network: "no", resources: 0 });
    });
});

// Which model a version picks, and where SARIF puts a finding, are the same in both modes (the findings
// themselves are asserted in both above): preview only.
describe("@pulumi/awsx models, what the mode does not change (preview)", () => {
    const mode = "preview";
    const awsx = (name: string, ...config: string[]) => check("components-awsx", mode, "-c", `component=${name}`, ...config.flatMap((c) => ["-c", c]));
    it("SARIF locates a modeled child's finding at the program line that registered its component", () => {
        const sarif = JSON.parse(
            tierguardWith(NO_PLUGINS, "check", fixture("components-awsx"), "--mode", mode, "--format", "sarif", "-c", "component=alb").stdout,
        );
        const source = fs.readFileSync(path.join(ROOT, fixture("components-awsx"), "index.js"), "utf8").split("\n");
        const line = source.findIndex((text) => text.includes('new x.lb.ApplicationLoadBalancer("web", closed')) + 1;
        const results = sarif.runs[0].results.filter((r: { properties: { modeled?: string } }) => r.properties.modeled);
        expect(results.length).toBeGreaterThan(0);
        for (const result of results) {
            expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("test/fixtures/programs/components-awsx/index.js");
            expect(result.locations[0].physicalLocation.region.startLine).toBe(line);
        }
    });

    it("a version no model follows is not checked, and says why", () => {
        const run = awsx("alb", "awsxVersion=1.0.0");
        expect(run.report.unchecked).toEqual([expect.objectContaining({ name: "web", type: "awsx:lb:ApplicationLoadBalancer", network: "yes" })]);
        expect(run.report.unchecked[0].reason).toContain("tierguard models awsx:lb:ApplicationLoadBalancer only for other versions than 1.0.0");
    });

    it("a newer major version than the models follow is modeled from the newest line, and says so (never a silent pass)", () => {
        const run = awsx("alb", "awsxVersion=4.1.0");
        expect(run.report.unchecked).toEqual([]);
        expect(component(run.report, "web")).toMatchObject({ expandedBy: "model", version: "4.1.0", network: "yes" });
        expect(component(run.report, "web").detail).toContain(
            "awsx 4.1.0 is newer than the defaults tierguard has read (awsx 2.x–3.x): the 3.x defaults are assumed",
        );
        expect(run.code).toBe(1);
    });
});
