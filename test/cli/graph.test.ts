/** `--graph mermaid|dot` and the Mermaid graph in Markdown reports. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, tierguard } from "./run";

it("draws tiers, resources with their groups, labelled edges, and violating edges in red (mermaid)", () => {
    const out = tierguard("check", "examples/insecure-web-app", "--graph", "mermaid").stdout;
    expect(out.startsWith("flowchart LR")).toBe(true);
    expect(out).toContain('subgraph tier_data["data"]');
    expect(out).toMatch(/n\d+\["db \[db-sg\]"\]/);
    const lines = out.split("\n");
    const dbInternet = lines.findIndex((l) => /internet -->\|"TCP port 5432"\| n\d+/.test(l));
    expect(lines[dbInternet + 1]).toMatch(/linkStyle \d+ stroke:#d00/);
    // The load balancer facing the internet on 443 is allowed: not red.
    const lb = lines.findIndex((l) => l.includes('internet -->|"TCP port 443; TCP port 80"|'));
    expect(lines[lb + 1]).not.toMatch(/linkStyle/);
});

it("draws the same graph in dot", () => {
    const out = tierguard("check", "examples/insecure-web-app", "--graph", "dot").stdout;
    expect(out).toMatch(/^digraph tierguard \{/);
    expect(out).toContain("subgraph cluster_web");
    expect(out).toMatch(/internet -> n\d+ \[label="TCP port 5432", color=red, penwidth=3\];/);
    expect(out.trim().endsWith("}")).toBe(true);
});

it("embeds the Mermaid graph in the Markdown report", () => {
    const out = tierguard("check", "examples/three-tier", "--format", "markdown").stdout;
    expect(out).toContain("No violations.");
    expect(out).toContain("```mermaid\nflowchart LR");
    expect(out).not.toContain("stroke:#d00");
});

it("opens the Markdown report with an incomplete banner when the program did not finish, and lists offline answers", () => {
    const run = tierguard("check", "test/fixtures/programs/rejected-promise", "--format", "markdown");
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/\| rejected-promise\/dev ⛔ incomplete \| \*\*\d+\*\* \|/);
    expect(run.stdout).toContain("⛔ **Incomplete:** the program failed (exit code 32), so only the resources it registered before failing were judged.");
    expect(run.stdout).toContain("<summary>Answered offline (no cloud, no backend)</summary>");
    expect(run.stdout).toContain("- data source aws:ec2/getVpcEndpoint:getVpcEndpoint: no stand-in, answered with an empty result");
});

describe("red edges come from the paths the pack's violations name, under the user's policy config", () => {
    const prod = "test/fixtures/stacks/shop-prod.json";
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-graph-"));
    afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));
    const configFile = (name: string, config: object) => {
        const file = path.join(temp, `${name}.json`);
        fs.writeFileSync(file, JSON.stringify(config));
        return file;
    };
    /** The node id of a resource and whether its edge from the internet is red, in a Mermaid graph. */
    const internetEdgeOf = (graph: string, resource: string) => {
        const lines = graph.split("\n");
        const node = new RegExp(`^ {8}(n\\d+)\\["${resource} `).exec(lines.find((l) => l.startsWith(`        n`) && l.includes(`["${resource} `)) ?? "")?.[1];
        const edge = lines.findIndex((l) => l.startsWith("    internet -->") && l.endsWith(` ${node}`));
        return { drawn: edge >= 0, red: edge >= 0 && /^ {4}linkStyle \d+ stroke:#d00/.test(lines[edge + 1] ?? "") };
    };

    it("colours every edge a tier-isolation violation names", () => {
        const graph = tierguard("scan", prod, "--graph", "mermaid").stdout;
        expect(internetEdgeOf(graph, "web-0")).toEqual({ drawn: true, red: true });
        expect(internetEdgeOf(graph, "db")).toEqual({ drawn: true, red: true });
        expect(graph).not.toContain("legend");
    });

    it("does not colour an exempted finding, nor any when the policy is disabled", () => {
        const exempted = tierguard(
            "scan",
            prod,
            "--graph",
            "mermaid",
            "--config",
            configFile("exempt", { "tier-isolation": { exemptions: [{ resource: "db", reason: "being moved" }] } }),
        ).stdout;
        expect(internetEdgeOf(exempted, "web-0")).toEqual({ drawn: true, red: true });
        expect(internetEdgeOf(exempted, "db")).toEqual({ drawn: true, red: false });
        const disabled = tierguard("scan", prod, "--graph", "dot", "--config", configFile("disabled", { "tier-isolation": "disabled" })).stdout;
        expect(disabled).toMatch(/internet -> n\d+ \[label="TCP port 22"\];/);
        expect(disabled).not.toContain("color=red");
    });

    it("draws the internet as the config defines it, as the pack judged it", () => {
        // A public /20: the internet only when internetPrefixV4 is above 20 (default 16).
        const stack = JSON.parse(fs.readFileSync(prod, "utf8").replace(/"0\.0\.0\.0\/0"/g, '"52.0.0.0/20"'));
        const file = path.join(temp, "public-20.json");
        fs.writeFileSync(file, JSON.stringify(stack));
        expect(internetEdgeOf(tierguard("scan", file, "--graph", "mermaid").stdout, "web-0")).toEqual({ drawn: false, red: false });
        const wider = configFile("wider", { "tier-isolation": { internetPrefixV4: 24 } });
        expect(tierguard("scan", file, "--config", wider).stdout).toContain(
            '"web-0" (tier web, from its tierguard:tier tag) is reachable from the internet (52.0.0.0/20)',
        );
        expect(internetEdgeOf(tierguard("scan", file, "--graph", "mermaid", "--config", wider).stdout, "web-0")).toEqual({ drawn: true, red: true });
    });

    it("colours nothing with another pack, and says why, even one whose messages read like tierguard's", () => {
        // tierguard's own pack laid out as another pack's folder: its verdicts carry no paths over the protocol.
        const other = path.join(temp, "other-pack");
        fs.mkdirSync(other);
        fs.copyFileSync(path.join(ROOT, "policypack", "PulumiPolicy.yaml"), path.join(other, "PulumiPolicy.yaml"));
        fs.writeFileSync(path.join(other, "package.json"), JSON.stringify({ name: "other-pack", version: "0.0.0", main: "index.js" }));
        fs.writeFileSync(path.join(other, "index.js"), `require(${JSON.stringify(path.join(ROOT, "policypack", "bin", "index.js"))});\n`);
        expect(tierguard("scan", prod, "--policy-pack", other).stdout).toContain(
            '"web-0" (tier web, from its tierguard:tier tag) is reachable from the internet',
        );
        const mermaid = tierguard("scan", prod, "--graph", "mermaid", "--policy-pack", other).stdout;
        expect(internetEdgeOf(mermaid, "web-0")).toEqual({ drawn: true, red: false });
        expect(mermaid).not.toContain("linkStyle");
        expect(mermaid).toContain('    legend["violations are not coloured: the findings of another policy pack (--policy-pack) name no paths"]');
        const dot = tierguard("scan", prod, "--graph", "dot", "--policy-pack", other).stdout;
        expect(dot).not.toContain("color=red");
        expect(dot).toContain(
            'legend [shape=note, style=dashed, label="violations are not coloured: the findings of another policy pack (--policy-pack) name no paths"];',
        );
    });
});
