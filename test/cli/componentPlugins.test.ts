/**
 * Components expanded by their provider plugin, as the engine expands them (Construct against
 * tierguard's monitor), eks models, and components nothing can expand: visible in every format and
 * able to fail the run. Every case in preview and update mode, except what the mode cannot change: where
 * SARIF locates a finding, how Markdown and the graph show an unchecked component, which plugin version
 * is asked for (the findings themselves are asserted in both modes).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MODES, Report, checkJsonWith } from "./checkJson";
import { ROOT, fixture, tierguardWith } from "./run";

/** A PULUMI_HOME with the tgtest component provider installed as the Pulumi CLI installs plugins. */
function pluginHome(): string {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-plugins-"));
    const dir = path.join(home, "plugins", "resource-tgtest-v1.2.3");
    fs.mkdirSync(dir, { recursive: true });
    const binary = path.join(dir, "pulumi-resource-tgtest");
    fs.writeFileSync(
        binary,
        `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, "test", "fixtures", "plugins", "tgtest", "index.js"))} "$@"\n`,
    );
    fs.chmodSync(binary, 0o755);
    return home;
}

const WITH_PLUGIN = { PULUMI_HOME: pluginHome() };
const NO_PLUGINS = { PULUMI_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-no-plugins-")) };
const mandatory = (report: Report) =>
    [...new Set(report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy}@${v.resourceName}`))].sort();

describe.each(MODES)("a component provider plugin constructs its component (%s)", (mode) => {
    it("judges the children the plugin creates, under the component", () => {
        const run = checkJsonWith(WITH_PLUGIN, "component-plugin", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.report.components).toEqual([expect.objectContaining({ name: "jump", expandedBy: "plugin", version: "1.2.3", resources: 1 })]);
        const ssh = run.report.violations.find((v) => v.policy === "no-admin-ports-from-internet")!;
        expect(ssh.urn).toBe("urn:pulumi:dev::component-plugin::tgtest:index:Bastion$aws:ec2/securityGroup:SecurityGroup::jump-sg");
        expect(ssh.modeled).toBeUndefined();
        expect(run.code).toBe(1);
    });

    it("passes the program's arguments to Construct: a narrow source closes it", () => {
        const run = checkJsonWith(WITH_PLUGIN, "component-plugin", mode, "-c", "sourceCidr=10.0.0.0/8");
        expect(mandatory(run.report)).toEqual([]);
        expect(run.code).toBe(0);
    });
});

// Where SARIF puts a constructed child's finding, and which plugin version is looked for, do not depend on the mode.
describe("a component provider plugin, what the mode does not change (preview)", () => {
    const mode = "preview";
    it("SARIF locates a finding on a constructed child at the program line that registered the component", () => {
        const sarif = JSON.parse(tierguardWith(WITH_PLUGIN, "check", fixture("component-plugin"), "--mode", mode, "--format", "sarif").stdout);
        const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "no-admin-ports-from-internet");
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("test/fixtures/programs/component-plugin/index.js");
        expect(result.locations[0].physicalLocation.region.startLine).toBe(6);
    });

    it("asks for the version the program's SDK names, and without that plugin, does not check it", () => {
        const run = checkJsonWith(WITH_PLUGIN, "component-plugin", mode, "-c", "pluginVersion=9.9.9");
        expect(run.report.unchecked).toEqual([expect.objectContaining({ name: "jump", network: "unknown" })]);
    });
});

describe.each(MODES)("@pulumi/eks models (%s)", (mode) => {
    const eks = (name: string, ...args: string[]) => checkJsonWith(NO_PLUGINS, "components-eks", mode, "-c", `component=${name}`, ...args);
    const egressMandatory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-eks-")), "config.json");
    fs.writeFileSync(egressMandatory, JSON.stringify({ "no-unrestricted-egress": "mandatory" }));

    // Cluster's and NodeGroupV2's defaults in one program (-c component=a,b; the node group's cluster is "ng-k8s").
    // The two cases that fail by default, unknown lists and ManagedNodeGroup ("mng", its cluster "mng-k8s"), in another.
    let defaults: ReturnType<typeof eks>;
    let failing: ReturnType<typeof eks>;
    beforeAll(() => {
        defaults = eks("cluster,nodegroup");
        failing = eks("unknown-lists,managed");
    }, 240_000);

    it("Cluster: groups that allow all egress (advisory by default), none when skipped", () => {
        // Neither default makes a mandatory finding: the program of both passes.
        expect(mandatory(defaults.report)).toEqual([]);
        expect(defaults.code).toBe(0);
        expect(defaults.report.components.find((c) => c.name === "k8s")).toMatchObject({ name: "k8s", expandedBy: "model", resources: 11 });
        const strict = eks("cluster", "--policy-pack-config", egressMandatory);
        expect(strict.code).toBe(1);
        expect(mandatory(strict.report)).toEqual([
            "no-unrestricted-egress@k8s-eksClusterInternetEgressRule",
            "no-unrestricted-egress@k8s-eksNodeInternetEgressRule",
        ]);
        const closed = eks("cluster", "--policy-pack-config", egressMandatory, "-c", "closed=true");
        expect(mandatory(closed.report)).toEqual([]);
        expect(closed.report.components[0].resources).toBe(1);
        expect(closed.code).toBe(0);
    });

    it("NodeGroupV2 joining a modeled cluster: its own node group and instances", () => {
        expect(defaults.report.components.map((c) => [c.name, c.resources])).toEqual([
            ["k8s", 11],
            ["ng-k8s", 9],
            ["workers", 8],
        ]);
    });

    it("lists a preview cannot know yet, nodeGroupOptions and secret arguments: no crash, no list taken apart, the extra group on the nodes", () => {
        const run = failing;
        expect(run.report.program).toEqual({ status: "completed" });
        // Its own findings, on its node group "managed"; the program's whole list is asserted below, with ManagedNodeGroup's.
        expect(mandatory(run.report).filter((finding) => finding.endsWith("@managed-remoteAccess"))).toEqual([
            "internet-ingress-only-on-allowed-ports@managed-remoteAccess",
            "no-admin-ports-from-internet@managed-remoteAccess",
        ]);
        expect(run.code).toBe(1);
        const graph = tierguardWith(
            NO_PLUGINS,
            "check",
            fixture("components-eks"),
            "--mode",
            mode,
            "-c",
            "component=unknown-lists",
            "--graph",
            "mermaid",
        ).stdout;
        expect(graph).toContain("k8s [k8s-nodeSecurityGroup, extra] (modeled)");
        expect(graph).not.toContain("subnet 0 (not in the stack)");
    });

    it("ManagedNodeGroup: SSH keys without source groups open SSH to the world (AWS's group); source groups close it", () => {
        const open = failing;
        expect(open.code).toBe(1);
        expect(mandatory(open.report)).toContain("no-admin-ports-from-internet@mng-remoteAccess");
        // The program of both failing cases: exactly their findings, nothing else.
        expect(mandatory(open.report)).toEqual([
            "internet-ingress-only-on-allowed-ports@managed-remoteAccess",
            "internet-ingress-only-on-allowed-ports@mng-remoteAccess",
            "no-admin-ports-from-internet@managed-remoteAccess",
            "no-admin-ports-from-internet@mng-remoteAccess",
        ]);
        const closed = eks("managed", "-c", "closed=true");
        expect(mandatory(closed.report)).toEqual([]);
        expect(closed.code).toBe(0);
    });
});

describe.each(MODES)("a component nothing can expand (%s)", (mode) => {
    it("is listed as not checked, and fails the run with --fail-on-unchecked", () => {
        const run = checkJsonWith(NO_PLUGINS, "component-unknown", mode);
        expect(run.report.unchecked).toEqual([expect.objectContaining({ name: "edge", type: "acme:network:EdgeGateway", network: "unknown" })]);
        expect(run.code).toBe(0);
        const strict = tierguardWith(NO_PLUGINS, "check", fixture("component-unknown"), "--mode", mode, "--fail-on-unchecked");
        expect(strict.code).toBe(1);
        expect(strict.stdout).toContain("NOT CHECKED");
        expect(strict.stderr).toContain("1 multi-language component was not checked (--fail-on-unchecked): edge (acme:network:EdgeGateway)");
    });
});

// How SARIF, Markdown and the graph show a component nothing expands does not depend on the mode.
describe("a component nothing can expand, in every format (preview)", () => {
    const mode = "preview";
    it("shows in SARIF at the program's line, in Markdown at the top, and in the graph", () => {
        const sarif = JSON.parse(
            tierguardWith(NO_PLUGINS, "check", fixture("component-unknown"), "--mode", mode, "--format", "sarif", "--fail-on-unchecked").stdout,
        );
        const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "tierguard-unchecked-component");
        expect(result.level).toBe("error");
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("test/fixtures/programs/component-unknown/index.js");
        expect(result.locations[0].physicalLocation.region.startLine).toBe(5);
        const markdown = tierguardWith(NO_PLUGINS, "check", fixture("component-unknown"), "--mode", mode, "--format", "markdown").stdout;
        expect(markdown.split("\n")[2]).toContain("⚠️ **1 multi-language component was not checked**");
        expect(markdown).not.toMatch(/^No violations\.$/m);
        const graph = tierguardWith(NO_PLUGINS, "check", fixture("component-unknown"), "--mode", mode, "--graph", "mermaid").stdout;
        expect(graph).toContain('subgraph not_checked["not checked"]');
        expect(graph).toContain("edge (acme:network:EdgeGateway): NOT CHECKED");
    });
});
