/**
 * tierguard's own component package, used as a program in Python, Go, C# or YAML uses it: the program
 * registers `tierguard:index:*` as remote components (as a generated SDK does), its Pulumi.yaml names
 * the package folder (`packages:`, what `pulumi package add <path>` records), and `check` starts the
 * provider as the Pulumi CLI's Node.js language host does (run-plugin with the package folder) and asks
 * it to Construct against tierguard's own engine. The constructed children are judged by the pack.
 * Every case in preview and update mode, except arguments the component refuses (refused before anything
 * is registered: the mode cannot change it).
 *
 * A run costs seconds of CPU (the provider starts with it) whatever it holds, so the fixture program
 * carries the cases that share a policy config at once (-c variant=a,b,c; each names its component apart):
 * each case asserts its own component's findings, and the run's whole lists and exit code are asserted too.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MODES, checkJson } from "./checkJson";
import { ROOT, fixture, tierguard } from "./run";

const PROGRAM = "component-package";
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const UNDER_THREE_TIER = `urn:pulumi:dev::${PROGRAM}::tierguard:index:ThreeTierSecurityGroups$tierguard:index:TieredSecurityGroups$`;
const UNDER_TIERED = `urn:pulumi:dev::${PROGRAM}::tierguard:index:TieredSecurityGroups$`;
const groupUrn = (under: string, name: string) => `${under}aws:ec2/securityGroup:SecurityGroup::${name}`;

describe.each(MODES)("tierguard's component package constructs its components for other languages (%s)", (mode) => {
    // Every case under the default policy config in one program: ThreeTierSecurityGroups "shop", the same with
    // an admin address from an Output ("office"), and TieredSecurityGroups "tiered".
    let run: ReturnType<typeof checkJson>;
    beforeAll(() => {
        run = checkJson(PROGRAM, mode, "-c", "variant=three-tier,admin-output,tiered");
    }, 120_000);
    const component = (name: string) => run.report.components.find((c) => c.name === name);
    const unattached = () => run.report.violations.filter((v) => v.policy === "security-groups-are-attached").map((v) => v.urn);

    it("the program of every case: completed, each component expanded by the provider, no mandatory finding, exit 0", () => {
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.report.unchecked).toEqual([]);
        expect(run.report.components.map((c) => [c.name, c.type, c.expandedBy]).sort()).toEqual([
            ["office", "tierguard:index:ThreeTierSecurityGroups", "plugin"],
            ["shop", "tierguard:index:ThreeTierSecurityGroups", "plugin"],
            ["tiered", "tierguard:index:TieredSecurityGroups", "plugin"],
        ]);
        // Nothing attaches any group: exactly the groups the provider made, each case's below.
        expect(unattached().sort()).toEqual(
            [
                ...["app", "database", "loadBalancer", "web"].flatMap((tier) => [
                    groupUrn(UNDER_THREE_TIER, `office-${tier}`),
                    groupUrn(UNDER_THREE_TIER, `shop-${tier}`),
                ]),
                ...["api", "edge", "store"].map((tier) => groupUrn(UNDER_TIERED, `tiered-${tier}`)),
            ].sort(),
        );
        expect(run.report.summary.mandatory).toBe(0);
        expect(run.code).toBe(0);
    });

    it("ThreeTierSecurityGroups: expanded by the provider, its children judged under the component", () => {
        expect(component("shop")).toEqual(
            expect.objectContaining({ name: "shop", type: "tierguard:index:ThreeTierSecurityGroups", expandedBy: "plugin", version: VERSION, network: "yes" }),
        );
        expect(component("shop")!.detail).toContain(ROOT);
        // Nothing attaches the groups in this program: the pack says so, for each of the four tiers the provider made.
        expect(
            unattached()
                .filter((urn) => urn.includes("::shop-"))
                .sort(),
        ).toEqual(["app", "database", "loadBalancer", "web"].map((tier) => `${UNDER_THREE_TIER}aws:ec2/securityGroup:SecurityGroup::shop-${tier}`));
        expect(run.report.summary.mandatory).toBe(0);
        expect(run.code).toBe(0);
    });

    it("the provider's own rules: the app tier's egress to the internet is found on the constructed rule", () => {
        const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-package-")), "policy.json");
        // 443 is on the default allow-list: a team that allows only 80 out sees the app tier's rule.
        fs.writeFileSync(config, JSON.stringify({ "no-unrestricted-egress": { enforcementLevel: "mandatory", allowedTcpPorts: [80] } }));
        const run = checkJson(PROGRAM, mode, "-c", "variant=three-tier", "--policy-pack-config", config);
        const egress = run.report.violations.filter((v) => v.policy === "no-unrestricted-egress" && v.enforcementLevel === "mandatory");
        expect(egress.length).toBeGreaterThan(0);
        expect(egress.map((v) => v.resourceName)).toEqual(["shop-app-to-0.0.0.0-0-tcp443"]);
        for (const violation of egress) expect(violation.urn.startsWith(UNDER_THREE_TIER)).toBe(true);
        expect(run.code).toBe(1);
    });

    it("an admin address that another resource supplies (an Output) reaches the component", () => {
        expect(run.report.program).toEqual({ status: "completed" });
        expect(component("office")).toMatchObject({ expandedBy: "plugin", resources: 14 });
        expect(run.report.summary.mandatory).toBe(0);
        expect(run.code).toBe(0);
    });

    it("TieredSecurityGroups: one group per tier, under the component", () => {
        expect(component("tiered")).toEqual(expect.objectContaining({ name: "tiered", type: "tierguard:index:TieredSecurityGroups", expandedBy: "plugin" }));
        const groups = run.report.violations
            .filter((v) => v.policy === "security-groups-are-attached" && v.urn.startsWith(UNDER_TIERED))
            .map((v) => v.resourceName);
        expect(groups.sort()).toEqual(["tiered-api", "tiered-edge", "tiered-store"]);
        expect(run.code).toBe(0);
    });
});

// Arguments the component refuses are refused before it registers anything: the same in both modes.
describe("tierguard's component package refuses what its component refuses (preview)", () => {
    const mode = "preview";
    it("arguments the component refuses: exit 2 with the component's own message", () => {
        const run = tierguard("check", fixture(PROGRAM), "--mode", mode, "-c", "variant=refused");
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('ThreeTierSecurityGroups "shop": invalid arguments');
        expect(run.stderr).toContain('admin.cidrs includes "0.0.0.0/0", which is the internet');
    });
});

describe("a package Pulumi.yaml names that cannot be started", () => {
    function programNaming(source: string): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-package-program-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: named\nruntime: nodejs\npackages:\n  tierguard: ${JSON.stringify(source)}\n`);
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "named", private: true }));
        const lib = path.join(ROOT, "test", "fixtures", "programs", "lib", "remoteComponents.js");
        fs.writeFileSync(
            path.join(dir, "index.js"),
            `const { remote } = require(${JSON.stringify(lib)});\nconst C = remote("tierguard:index:ThreeTierSecurityGroups", ["securityGroupIds"]);\nnew C("shop", { vpcId: "vpc-1", web: { port: 80 }, database: { port: 5432 } });\n`,
        );
        return dir;
    }

    it.each([
        [
            "a folder without a provider",
            () => fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-empty-")),
            "has neither pulumi-resource-tierguard nor PulumiPlugin.yaml",
        ],
        ["a git repository", () => "github.com/example/tierguard@v0.1.0", "names github.com/example/tierguard@v0.1.0, which tierguard does not fetch offline"],
    ])("%s: the component is not checked, and the reason is named", (_, source, reason) => {
        const run = checkJson(programNaming(source()), "preview", "--fail-on-unchecked");
        expect(run.report.unchecked).toEqual([expect.objectContaining({ name: "shop", network: "yes" })]);
        expect(run.report.unchecked[0].reason).toContain(reason);
        expect(run.code).toBe(1);
    });
});
