/** `--graph mermaid|dot` and the Mermaid graph in Markdown reports. */
import { tierguard } from "./run";

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
