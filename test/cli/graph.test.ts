/** `--graph mermaid|dot` and the Mermaid graph in Markdown reports. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, tierguard } from "./run";
import { networkExport } from "./networkStack";

/** The lines of a graph that follow an edge: its linkStyle (Mermaid), if any. */
const styleAfter = (lines: string[], index: number) => (/^ {4}linkStyle \d+ /.test(lines[index + 1] ?? "") ? lines[index + 1] : "");
const RED = /stroke:#d00/;

describe("insecure-web-app: the internet, its gateway, public and private subnets, reachable and latent paths", () => {
    let mermaid: string;
    let dot: string;
    beforeAll(() => {
        mermaid = tierguard("check", "examples/insecure-web-app", "--graph", "mermaid").stdout;
        dot = tierguard("check", "examples/insecure-web-app", "--graph", "dot").stdout;
    });

    it("draws the internet, the internet gateway and the subnets, marked public or private, with resources inside (mermaid)", () => {
        expect(mermaid.startsWith("flowchart LR")).toBe(true);
        expect(mermaid).toContain('    internet(("internet"))');
        expect(mermaid).toMatch(/^ {4}gw\d+\{\{"internet gateway igw"\}\}$/m);
        expect(mermaid).toMatch(/^ {4}subgraph sb\d+\["subnet public-0"\]\n {8}sn\d+\[\["public: default route to an internet gateway"\]\]$/m);
        expect(mermaid).toMatch(/^ {4}subgraph sb\d+\["subnet private-0"\]\n {8}sn\d+\[\["private: no default route to an internet gateway"\]\]$/m);
        // The database sits in four subnets: drawn once, under the one the internet reaches it through.
        expect(mermaid).toMatch(/subgraph sb\d+\["subnet public-0"\]\n(?: {8}.*\n)*? {8}n\d+\["db \[db-sg\] · tier data · \+3 subnets"\]/);
        expect(mermaid).toMatch(/^ {8}n\d+\[\/"web \[lb-sg\] · load balancer · tier public · \+1 subnet"\\\]$/m);
        expect(mermaid).toContain("legend: red = a path a violation names");
    });

    it("draws the violating path in red, hop by hop, with the port the internet reaches it on", () => {
        const lines = mermaid.split("\n");
        const db = /^ {8}(n\d+)\["db /m.exec(mermaid)![1];
        const toDb = lines.findIndex((l) => new RegExp(`^ {4}(sn\\d+) -->\\|"TCP port 5432"\\| ${db}$`).test(l));
        expect(toDb).toBeGreaterThan(0);
        expect(styleAfter(lines, toDb)).toMatch(RED);
        const subnet = lines[toDb].trim().split(" ")[0];
        const toSubnet = lines.findIndex((l) => new RegExp(`^ {4}gw\\d+ -->\\|"0\\.0\\.0\\.0/0"\\| ${subnet}$`).test(l));
        expect(styleAfter(lines, toSubnet)).toMatch(RED);
        const toGateway = lines.findIndex((l) => /^ {4}internet --> gw\d+$/.test(l));
        expect(styleAfter(lines, toGateway)).toMatch(RED);
        // The load balancer on 443 and 80 is allowed: its edge is not red; nor is its forwarding to the web servers.
        const lb = lines.findIndex((l) => /^ {4}sn\d+ -->\|"TCP port 443; TCP port 80"\| n\d+$/.test(l));
        expect(lb).toBeGreaterThan(0);
        expect(styleAfter(lines, lb)).toBe("");
        const forward = lines.findIndex((l) => /^ {4}n\d+ -->\|"listener HTTP 80 → port 8080"\| n\d+$/.test(l));
        expect(forward).toBeGreaterThan(0);
        expect(styleAfter(lines, forward)).toBe("");
    });

    it("draws a latent path dashed, not red, naming the missing hop", () => {
        const lines = mermaid.split("\n");
        const latent = lines.findIndex((l) =>
            /^ {4}internet -\.->\|"TCP port 3389 \(latent: it has no IPv6 address \(subnet #quot;public-0#quot; does not set assignIpv6AddressOnCreation\)\)"\| n\d+$/.test(
                l,
            ),
        );
        expect(latent).toBeGreaterThan(0);
        // tier-isolation names it (defence in depth): amber, not red.
        expect(styleAfter(lines, latent)).toMatch(/^ {4}linkStyle \d+ stroke:#e69500,stroke-width:2px$/);
    });

    it("draws the same graph in dot", () => {
        expect(dot).toMatch(/^digraph tierguard \{/);
        expect(dot).toMatch(/^ {4}gw\d+ \[shape=hexagon, label="internet gateway igw"\];$/m);
        expect(dot).toMatch(
            /^ {4}subgraph cluster_sb\d+ \{\n {8}label="subnet private-1";\n {8}sn\d+ \[shape=tab, label="private: no default route to an internet gateway"\];$/m,
        );
        expect(dot).toMatch(/^ {4}internet -> gw\d+ \[color=red, penwidth=3\];$/m);
        expect(dot).toMatch(/^ {4}sn\d+ -> n\d+ \[label="TCP port 5432", color=red, penwidth=3\];$/m);
        expect(dot).toMatch(/^ {4}internet -> n\d+ \[label="TCP port 3389 \(latent: [^"]*\\"public-1\\"[^"]*\)", style=dashed, color=orange, penwidth=2\];$/m);
        expect(dot.trim().endsWith("}")).toBe(true);
    });
});

describe("a load balancer forwarding the internet to an admin port", () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-graph-lb-"));
    afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));
    const file = path.join(temp, "net.json");
    fs.writeFileSync(file, JSON.stringify(networkExport()));

    it("draws internet → gateway → public subnet → load balancer → target, red, and the target's latent rule dashed", () => {
        const graph = tierguard("scan", file, "--graph", "mermaid").stdout;
        const lines = graph.split("\n");
        const id = (name: string) => new RegExp(`^ {8}(n\\d+)\\[/?"${name} `, "m").exec(graph)![1];
        expect(graph).toMatch(/subgraph sb\d+\["subnet private-a"\]\n {8}sn\d+\[\["private: [^"]*"\]\]\n {8}n\d+\["app \[app-sg\] · tier app"\]/);
        const forward = lines.indexOf(`    ${id("front")} -->|"listener HTTPS 443 → port 22"| ${id("app")}`);
        expect(forward).toBeGreaterThan(0);
        expect(styleAfter(lines, forward)).toMatch(RED);
        const toLb = lines.findIndex((l) => new RegExp(`^ {4}sn\\d+ -->\\|"TCP port 443"\\| ${id("front")}$`).test(l));
        expect(styleAfter(lines, toLb)).toMatch(RED);
        const bastion = lines.findIndex((l) => new RegExp(`^ {4}sn\\d+ -->\\|"TCP port 22"\\| ${id("bastion")}$`).test(l));
        expect(styleAfter(lines, bastion)).toMatch(RED);
        const latent = lines.indexOf(`    internet -.->|"TCP port 9000 (latent: it has no public IP)"| ${id("app")}`);
        expect(latent).toBeGreaterThan(0);
        expect(styleAfter(lines, latent)).not.toMatch(RED);
        const dot = tierguard("scan", file, "--graph", "dot").stdout;
        expect(dot).toMatch(/^ {4}n\d+ -> n\d+ \[label="listener HTTPS 443 → port 22", color=red, penwidth=3\];$/m);
        expect(dot).toMatch(/^ {8}n\d+ \[shape=trapezium, label="front \[lb-sg\] · load balancer · tier public"\];$/m);
    });

    it("draws a network load balancer without security groups reached on its listener port", () => {
        const stack = networkExport() as {
            deployment: { resources: Array<{ type: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }> };
        };
        for (const r of stack.deployment.resources)
            for (const props of [r.inputs, r.outputs]) {
                if (r.type === "aws:lb/loadBalancer:LoadBalancer") {
                    props.loadBalancerType = "network";
                    delete props.securityGroups;
                }
                if (r.type === "aws:lb/listener:Listener") Object.assign(props, { protocol: "TCP", port: 2222 });
            }
        const nlb = path.join(temp, "nlb.json");
        fs.writeFileSync(nlb, JSON.stringify(stack));
        const graph = tierguard("scan", nlb, "--graph", "mermaid").stdout;
        const lines = graph.split("\n");
        // internet-exposure: the listener port 2222 is outside the allow-list, so the path to the load balancer is red.
        const listener = lines.findIndex((l) => /^ {4}sn\d+ -->\|"listener TCP 2222 \(no security groups\)"\| n\d+$/.test(l));
        expect(listener).toBeGreaterThan(0);
        expect(styleAfter(lines, listener)).toMatch(RED);
        expect(graph).toMatch(/^ {4}n\d+ -->\|"listener TCP 2222 → port 22"\| n\d+$/m);
    });
});

it("embeds the Mermaid graph in the Markdown report", () => {
    const out = tierguard("check", "examples/three-tier", "--format", "markdown").stdout;
    expect(out).toContain("No violations.");
    expect(out).toContain("```mermaid\nflowchart LR");
    // The same graph as --graph mermaid: subnets, public and private, with their resources.
    expect(out).toMatch(/^ {4}subgraph sb\d+\["subnet private-0"\]\n {8}sn\d+\[\["private: no default route to an internet gateway"\]\]$/m);
    expect(out).toMatch(/^ {4}subgraph sb\d+\["subnet public-0"\]\n {8}sn\d+\[\["public: default route to an internet gateway"\]\]$/m);
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
        const edge = lines.findIndex((l) => /^ {4}internet -\.?->/.test(l) && l.endsWith(` ${node}`));
        return { drawn: edge >= 0, red: edge >= 0 && /^ {4}linkStyle \d+ stroke:#d00/.test(lines[edge + 1] ?? "") };
    };

    it("colours every edge a tier-isolation violation names", () => {
        const graph = tierguard("scan", prod, "--graph", "mermaid").stdout;
        expect(internetEdgeOf(graph, "web-0")).toEqual({ drawn: true, red: true });
        expect(internetEdgeOf(graph, "db")).toEqual({ drawn: true, red: true });
        expect(graph).toContain("legend: red = a path a violation names");
    });

    it("does not colour an exempted finding, nor any when the policy is disabled", () => {
        const exempted = tierguard(
            "scan",
            prod,
            "--graph",
            "mermaid",
            "--policy-pack-config",
            configFile("exempt", { "tier-isolation": { exemptions: [{ resource: "db", reason: "being moved" }] } }),
        ).stdout;
        expect(internetEdgeOf(exempted, "web-0")).toEqual({ drawn: true, red: true });
        expect(internetEdgeOf(exempted, "db")).toEqual({ drawn: true, red: false });
        const disabled = tierguard("scan", prod, "--graph", "dot", "--policy-pack-config", configFile("disabled", { "tier-isolation": "disabled" })).stdout;
        expect(disabled).toMatch(/internet -> n\d+ \[label="TCP port 22 \(not known: [^"]*\)", style=dotted\];/);
        expect(disabled).not.toContain("color=red");
    });

    it("draws the internet as the config defines it, as the pack judged it", () => {
        // A public /20: the internet only when internetPrefixV4 is above 20 (default 16).
        const stack = JSON.parse(fs.readFileSync(prod, "utf8").replace(/"0\.0\.0\.0\/0"/g, '"52.0.0.0/20"'));
        const file = path.join(temp, "public-20.json");
        fs.writeFileSync(file, JSON.stringify(stack));
        expect(internetEdgeOf(tierguard("scan", file, "--graph", "mermaid").stdout, "web-0")).toEqual({ drawn: false, red: false });
        const wider = configFile("wider", { "tier-isolation": { internetPrefixV4: 24 } });
        expect(tierguard("scan", file, "--policy-pack-config", wider).stdout).toContain(
            '"web-0" (tier web, from its tierguard:tier tag) is reachable from the internet (52.0.0.0/20)',
        );
        expect(internetEdgeOf(tierguard("scan", file, "--graph", "mermaid", "--policy-pack-config", wider).stdout, "web-0")).toEqual({
            drawn: true,
            red: true,
        });
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

it("draws a big stack bounded, violating paths first, and says what it left out", () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-graph-big-"));
    try {
        const stack = networkExport() as { deployment: { resources: Array<Record<string, unknown> & { id?: string; urn: string }> } };
        const resources = stack.deployment.resources;
        const app = resources.find((r) => r.id === "i-app")!;
        // 300 private instances with long names, and the bastion (reachable, violating) last in the stack.
        const bastion = resources.splice(
            resources.findIndex((r) => r.id === "i-bastion"),
            1,
        )[0];
        for (let i = 0; i < 300; i++) {
            const copy = JSON.parse(JSON.stringify(app)) as typeof app & { outputs: { id: string } };
            copy.urn = `${app.urn.replace(/::app$/, "::")}worker-${i}-${"w".repeat(200)}`;
            copy.id = copy.outputs.id = `i-w${i}`;
            resources.push(copy);
        }
        resources.push(bastion);
        const file = path.join(temp, "big.json");
        fs.writeFileSync(file, JSON.stringify(stack));
        const mermaid = tierguard("scan", file, "--graph", "mermaid").stdout;
        expect(mermaid.length).toBeLessThanOrEqual(50_000);
        const drawn = mermaid.split("\n").filter((l) => /^ {8}n\d+\[/.test(l));
        expect(drawn.length).toBeLessThanOrEqual(200);
        expect(drawn.some((l) => l.includes('"bastion [bastion-sg]"'))).toBe(true);
        expect(mermaid).toMatch(
            /^ {4}more\["graph shortened: \d+ of 303 resources not drawn \(at most \d+( to fit Mermaid's 50,000-character limit)?: violating and internet paths first\)/m,
        );
        // A name is cut in its label.
        expect(mermaid).toContain(`worker-0-${"w".repeat(100 - "worker-0-".length)}…`);
        const dot = tierguard("scan", file, "--graph", "dot").stdout;
        expect(dot.split("\n").filter((l) => /^ {8}n\d+ \[/.test(l))).toHaveLength(200);
        expect(dot).toContain(
            'more [shape=note, style=dashed, label="graph shortened: 103 of 303 resources not drawn (at most 200: violating and internet paths first)',
        );
    } finally {
        fs.rmSync(temp, { recursive: true, force: true });
    }
});
