/**
 * Every report format escapes what tierguard did not write: a stack export whose project, stack,
 * resource names and security-group ids carry Markdown, HTML, Mermaid, DOT and terminal injections,
 * scanned from a file whose path needs percent-encoding; and the Markdown report kept under
 * GitHub's comment limit, saying what it left out.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliRun, ROOT, tierguard } from "./run";
import { GITHUB_COMMENT_LIMIT, MARKDOWN_BUDGET, markdownReport } from "../../cli/report/markdown";
import { textReport } from "../../cli/report/text";
import { sarifReport } from "../../cli/report/sarif";
import { dotString, htmlText, jsonText, markdownCode, markdownText, mermaidString, sarifText, terminalText, uriPath } from "../../cli/report/escape";
import { CheckReport } from "../../cli/report/checkReport";
import { Violation } from "../../cli/engine/violation";
import { NetworkNames, networkExport } from "./networkStack";

/** C0 and C1 control characters (but newline) and bidirectional overrides: what a terminal would act on. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

expect.extend(require("@microsoft/jest-sarif"));

/** Names (the last segment of a URN, so no "::") each carrying one attack. */
const HOSTILE = {
    comment: "x<!--",
    details: "</details>\n\n## ✅ safe to merge\n\n<details>",
    formatting: "[✅ safe to merge](https://evil.example) **bold** `code` | cell $x$ ~~gone~~ {0}",
    mermaidInit: '%%{init: {"theme":"dark"}}%%',
    mermaidClick: '"]\n    click n0 "javascript:alert(1)"',
    trailingBackslash: "web\\",
    dotBreakout: 'q\\"]; evil [URL="javascript:alert(1)", label="x',
    ansi: "\u001b[2J\u001b[31mSummary: 0 mandatory, 0 advisory violations\u001b[0m",
    c1: "c1\u009b2J\u0085\rSummary: 0 mandatory\u202eevil",
};
/** A group id no resource of the stack has: drawn with the id as its label. */
const EXTERNAL_GROUP = 'sg-ext"]\n    click n1 "javascript:alert(2)"\n```\n%%{init: {"theme":"dark"}}%%';
const PROJECT = "shop<!--";
const STACK = "prod</details>\n## ✅ safe `|` to merge";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const INSTANCE = "aws:ec2/instance:Instance";
const urn = (type: string, name: string, project = PROJECT, stack = STACK) => `urn:pulumi:${stack}::${project}::${type}::${name}`;

/** An inline rule as AWS reports it in a group's outputs. */
const sshFromEverywhere = {
    protocol: "tcp",
    fromPort: 22,
    toPort: 22,
    cidrBlocks: ["0.0.0.0/0"],
    ipv6CidrBlocks: [],
    prefixListIds: [],
    securityGroups: [],
    self: false,
    description: "ssh",
};

function resource(
    type: string,
    name: string,
    id: string,
    props: Record<string, unknown>,
    deps: Record<string, string[]> = {},
    names = { project: PROJECT, stack: STACK },
) {
    return {
        urn: urn(type, name, names.project, names.stack),
        custom: true,
        id,
        type,
        inputs: props,
        outputs: { ...props, id },
        dependencies: [...new Set(Object.values(deps).flat())],
        propertyDependencies: deps,
    };
}

/** A web-tier group open to SSH from the internet, carried by an instance per hostile name and by a public database. */
function hostileExport(): unknown {
    const group = resource(SG, HOSTILE.comment, "sg-1", {
        vpcId: "vpc-1",
        description: "web",
        ingress: [sshFromEverywhere],
        egress: [],
        tags: { "tierguard:tier": "web" },
    });
    const carriedBy = { vpcSecurityGroupIds: [group.urn] };
    const instances = Object.entries(HOSTILE)
        .filter(([key]) => key !== "comment")
        .map(([key, name], i) =>
            resource(
                INSTANCE,
                name,
                `i-${i}`,
                {
                    ami: "ami-1",
                    instanceType: "t3.micro",
                    vpcSecurityGroupIds: key === "mermaidClick" ? ["sg-1", EXTERNAL_GROUP] : ["sg-1"],
                    tags: { "tierguard:tier": "web" },
                },
                carriedBy,
            ),
        );
    const database = resource(
        "aws:rds/instance:Instance",
        `db${HOSTILE.ansi}`,
        "db-1",
        { engine: "postgres", publiclyAccessible: true, vpcSecurityGroupIds: ["sg-1"] },
        carriedBy,
    );
    return {
        version: 3,
        deployment: {
            resources: [
                { urn: urn("pulumi:pulumi:Stack", "stack"), custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
                resource("aws:ec2/vpc:Vpc", "vpc", "vpc-1", { cidrBlock: "10.0.0.0/16" }),
                group,
                ...instances,
                database,
            ],
        },
    };
}

/** Where the hostile export is written: a path with a space, `#`, `%`, `?` and a non-ASCII letter. */
let hostileFile: string;
beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard escaping #"));
    hostileFile = path.join(dir, "stack #1 100% ä?.json");
    fs.writeFileSync(hostileFile, JSON.stringify(hostileExport(), null, 2));
});

/** `tierguard scan` of the hostile export, run once per set of arguments. */
const runs = new Map<string, CliRun>();
function scan(...args: string[]): CliRun {
    const key = args.join(" ");
    if (!runs.has(key)) runs.set(key, tierguard("scan", hostileFile, ...args));
    return runs.get(key)!;
}
const carriers = Object.keys(HOSTILE).length; // every instance and the database

describe("text", () => {
    it("shows control characters and escape sequences instead of sending them to the terminal", () => {
        const run = scan();
        expect(run.code).toBe(1);
        expect(run.stdout).not.toMatch(RAW_CONTROL_CHARACTERS);
        expect(run.stdout).toContain("\\x1b[2J\\x1b[31mSummary: 0 mandatory");
        expect(run.stdout).toContain("c1\\x9b2J\\x85\\rSummary: 0 mandatory\\u202eevil");
        // Only tierguard's own summary starts a line, and names stay on their line.
        expect(run.stdout.split("\n").filter((line) => line.startsWith("Summary:"))).toEqual([
            expect.stringMatching(/^Summary: \d+ resources? with violations/),
        ]);
        expect(run.stdout).toContain("</details>\\n\\n## ✅ safe to merge\\n\\n<details>  (aws:ec2/instance:Instance)");
        expect(run.stdout.split("\n").some((line) => line.startsWith("## ✅"))).toBe(false);
    });
});

describe("json", () => {
    it("writes the names unchanged but with C1 and bidirectional controls as \\u escapes", () => {
        const run = scan("--format", "json");
        expect(run.stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
        const names = JSON.parse(run.stdout).stacks[0].violations.map((v: { resourceName: string }) => v.resourceName);
        expect(names).toContain(HOSTILE.c1);
        expect(names).toContain(HOSTILE.details);
    });
});

describe("markdown", () => {
    const markdown = () => scan("--format", "markdown").stdout;

    it("opens no HTML comment and closes only its own <details>", () => {
        const out = markdown();
        expect(out).not.toContain("<!--");
        const lines = out.split("\n");
        const resourcesWithViolations = carriers + 1; // and the group itself
        expect(lines.filter((line) => line.startsWith("<details")).length).toBe(resourcesWithViolations);
        expect(lines.filter((line) => line === "</details>").length).toBe(resourcesWithViolations);
        expect(out.split("</details>").length - 1).toBe(resourcesWithViolations);
        expect(out).toContain("&lt;/details&gt;");
    });

    it("keeps every name on its line: no heading, fence or verdict of its own", () => {
        const lines = markdown().split("\n");
        expect(lines.filter((line) => /^ {0,3}#/.test(line))).toEqual([
            "## tierguard",
            expect.stringMatching(/^### shop&lt;!--\/prod&lt;\/details&gt; \\#\\# ✅ safe \\`\\|\\` to merge \(/),
        ]);
        expect(lines.some((line) => line.startsWith("✅"))).toBe(false);
        expect(lines.filter((line) => line.startsWith("```"))).toEqual(["```mermaid", "```"]);
    });

    it("escapes names for the table, for HTML and for Markdown inline text", () => {
        const out = markdown();
        const row = out.split("\n").find((line) => line.startsWith("| shop"))!;
        // Six columns: the pipe in the stack name is escaped.
        expect(row.split(/(?<!\\)\|/).length).toBe(8);
        expect(out).toContain("<summary><b>x&lt;!--</b>");
        expect(out).toContain(`<b>${htmlText(HOSTILE.formatting)}</b>`);
        // In messages: no link, emphasis, code, cell break or math of the name's.
        expect(out).toContain("\\[✅ safe to merge\\](https://evil.example) \\*\\*bold\\*\\* \\`code\\` \\| cell \\$x\\$ \\~\\~gone\\~\\~");
        // Unescaped only where no Markdown is read: in <summary> (an HTML block) and in a label of the Mermaid graph.
        for (const line of out.split("\n").filter((l) => l.includes("[✅ safe to merge](")))
            expect(line).toMatch(/^<details open><summary>.*<\/summary>$|^ {8}n\d+\["/);
    });

    it("embeds a Mermaid graph with only tierguard's statements", () => {
        const out = markdown();
        const graph = out.slice(out.indexOf("```mermaid\n") + "```mermaid\n".length, out.lastIndexOf("\n```"));
        expectOnlyTierguardMermaid(graph);
    });
});

/** Every line one of the statements tierguard writes; labels quoted, with nothing mermaidString escapes of their own. */
function expectOnlyMermaidStatements(graph: string, carrierCount: number): void {
    const label = '"[^"%`<>\\\\|{}]*"';
    const node = "(internet|gw\\d+|sn\\d+|n\\d+|tier_(public|web|app|data))";
    const statements = [
        /^flowchart LR$/,
        /^ {4}internet\(\("internet"\)\)$/,
        new RegExp(`^ {4}gw\\d+\\{\\{${label}\\}\\}$`),
        new RegExp(`^ {4}tier_(public|web|app|data)\\(\\[${label}\\]\\)$`),
        new RegExp(`^ {4}subgraph sb\\d+\\[${label}\\]$`),
        new RegExp(`^ {8}sn\\d+\\[\\[${label}\\]\\]$`),
        /^ {4}subgraph no_subnet\["no subnet in the stack"\]$/,
        /^ {4}subgraph not_checked\["not checked"\]$/,
        /^ {4}style (not_checked|legend|more) stroke-dasharray: 5 5$/,
        new RegExp(`^ {8}n\\d+\\[${label}\\]$`),
        new RegExp(`^ {8}n\\d+\\[/${label}\\\\\\]$`),
        new RegExp(`^ {8}u\\d+\\[${label}\\]$`),
        /^ {4}end$/,
        new RegExp(`^ {4}${node} (-->|-\\.->)(\\|${label}\\|)? ${node}$`),
        /^ {4}linkStyle \d+ stroke:#d00,stroke-width:3px$/,
        /^ {4}linkStyle \d+ stroke:#e69500,stroke-width:2px$/,
        new RegExp(`^ {4}(legend|more)\\[${label}\\]$`),
    ];
    const lines = graph.split("\n");
    for (const line of lines) expect(statements.some((statement) => statement.test(line)) ? line : `not tierguard's: ${line}`).toBe(line);
    expect(lines.filter((line) => /^ {8}n\d+\[/.test(line)).length).toBe(carrierCount);
    expect(graph).not.toContain("%%");
}

function expectOnlyTierguardMermaid(graph: string): void {
    expectOnlyMermaidStatements(graph, carriers);
    expect(graph).toContain("#quot;]     click n0 #quot;javascript:alert(1)#quot;");
    expect(graph).toContain("#37;#37;#123;init: #123;#quot;theme#quot;:#quot;dark#quot;#125;#125;#37;#37;");
}

/** The network stack of the graph tests with a hostile name on the VPC, gateway, subnets, load balancer and instances. */
const HOSTILE_NETWORK: NetworkNames = {
    vpc: HOSTILE.mermaidInit,
    gateway: HOSTILE.mermaidClick,
    publicSubnet: HOSTILE.dotBreakout,
    privateSubnet: `${HOSTILE.details}${HOSTILE.trailingBackslash}`,
    loadBalancer: `${HOSTILE.mermaidClick}${HOSTILE.trailingBackslash}`,
    bastion: HOSTILE.ansi,
    app: HOSTILE.formatting,
};
let hostileNetworkFile: string;
beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard escaping network #"));
    hostileNetworkFile = path.join(dir, "network.json");
    fs.writeFileSync(hostileNetworkFile, JSON.stringify(networkExport(HOSTILE_NETWORK, PROJECT, "prod")));
});
const networkCarriers = 3; // the bastion, the app and the load balancer

/**
 * `scan --graph` of the hostile export and the hostile network together, run once per format: the graphs
 * come one per stack in file order, each from the line that starts a graph; only whitespace between them.
 */
const graphRuns = new Map<string, { hostile: string; network: string }>();
function graphs(format: "mermaid" | "dot"): { hostile: string; network: string } {
    if (!graphRuns.has(format)) {
        const run = tierguard("scan", hostileFile, hostileNetworkFile, "--graph", format);
        const start = format === "mermaid" ? /\n(?=flowchart LR\n)/ : /\n(?=digraph tierguard \{\n)/;
        const parts = run.stdout.trimEnd().split(start);
        expect(parts).toHaveLength(2);
        graphRuns.set(format, { hostile: parts[0].trimEnd(), network: parts[1].trimEnd() });
    }
    return graphRuns.get(format)!;
}

describe("mermaid", () => {
    it("draws only tierguard's statements, one node per carrier, whatever the names and group ids", () => {
        expectOnlyTierguardMermaid(graphs("mermaid").hostile);
    });

    it("keeps hostile subnet, gateway and load balancer names in their labels", () => {
        const graph = graphs("mermaid").network;
        expectOnlyMermaidStatements(graph, networkCarriers);
        // Every name stays inside its label; the nodes and paths are all there, as with plain names.
        expect(graph).toContain('    gw0{{"internet gateway #quot;]     click n0 #quot;javascript:alert(1)#quot;"}}');
        expect(graph).toContain('    subgraph sb0["subnet q#92;#quot;]; evil [URL=#quot;javascript:alert(1)#quot;, label=#quot;x"]');
        expect(graph).toContain('    subgraph sb1["subnet #lt;/details#gt;  #35;#35; ✅ safe to merge  #lt;details#gt;web#92;"]');
        expect(graph).toContain('        n2[/"#quot;]     click n0 #quot;javascript:alert(1)#quot;web#92; [lb-sg] · load balancer · tier public"\\]');
        expect(graph).toContain('    n2 -->|"listener HTTPS 443 → port 22"| n1');
        expect(graph.match(/linkStyle \d+ stroke:#d00/g)).toHaveLength(5);
        expect(graph).toContain('    internet -.->|"TCP port 9000 (latent: it has no public IP)"| n1');
    });
});

/** DOT tokens as Graphviz reads them: quoted strings (a backslash takes the next character with it), ids, edge operators, punctuation. */
function dotTokens(text: string): Array<{ kind: "string" | "id" | "punct"; value: string }> {
    const tokens: Array<{ kind: "string" | "id" | "punct"; value: string }> = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
        } else if (c === '"') {
            let value = "";
            i++;
            while (i < text.length && text[i] !== '"') {
                if (text[i] === "\\" && i + 1 < text.length) value += text[i++];
                value += text[i++];
            }
            if (i >= text.length) throw new Error("unterminated string");
            i++;
            tokens.push({ kind: "string", value });
        } else if (text.startsWith("->", i)) {
            tokens.push({ kind: "punct", value: "->" });
            i += 2;
        } else if (/[A-Za-z0-9_]/.test(c)) {
            const id = /^[A-Za-z0-9_.]+/.exec(text.slice(i))![0];
            tokens.push({ kind: "id", value: id });
            i += id.length;
        } else if ("{}[];,=".includes(c)) {
            tokens.push({ kind: "punct", value: c });
            i++;
        } else {
            throw new Error(`unexpected character ${JSON.stringify(c)} at ${i}`);
        }
    }
    return tokens;
}

/** One digraph whose ids are all tierguard's keywords, attributes, values and nodes, with `nodes` resource nodes; every string a value. */
function expectOnlyTierguardDot(text: string, nodes: number): void {
    const tokens = dotTokens(text);
    expect(tokens.slice(0, 3).map((t) => t.value)).toEqual(["digraph", "tierguard", "{"]);
    let depth = 0;
    tokens.forEach((token, i) => {
        if (token.kind !== "punct") return;
        if (token.value === "{") depth++;
        if (token.value === "}") {
            depth--;
            // The graph closes once, at the very end.
            expect(depth > 0 || i === tokens.length - 1).toBe(true);
        }
    });
    expect(depth).toBe(0);
    const allowed =
        /^(digraph|tierguard|subgraph|rankdir|LR|shape|doublecircle|hexagon|trapezium|tab|ellipse|note|box|label|style|dashed|dotted|color|red|orange|penwidth|2|3|internet|legend|more|cluster_sb\d+|cluster_no_subnet|cluster_not_checked|gw\d+|sn\d+|u\d+|tier_(public|web|app|data)|n\d+)$/;
    for (const token of tokens.filter((t) => t.kind === "id")) expect(token.value).toMatch(allowed);
    // Strings only ever follow `label=` (the one attribute tierguard writes stack text into).
    tokens.forEach((t, i) => {
        if (t.kind === "string") expect(`${tokens[i - 2]?.value}${tokens[i - 1]?.value}`).toBe("label=");
    });
    const drawn = new Set(tokens.filter((t, i) => t.kind === "id" && /^n\d+$/.test(t.value) && tokens[i + 1]?.value === "[").map((t) => t.value));
    expect(drawn.size).toBe(nodes);
}

describe("dot", () => {
    it("is a single graph whose nodes and attributes are all tierguard's", () => {
        const out = graphs("dot").hostile;
        expectOnlyTierguardDot(out, carriers);
        expect(out).toContain('label="web\\\\ [x<!--] · tier web"');
    });

    it("keeps hostile subnet, gateway and load balancer names in their labels", () => {
        const out = graphs("dot").network;
        expectOnlyTierguardDot(out, networkCarriers);
        expect(out).toContain('    subgraph cluster_sb0 {\n        label="subnet q\\\\\\"]; evil [URL=\\"javascript:alert(1)\\", label=\\"x";');
        expect(out).toContain('    gw0 [shape=hexagon, label="internet gateway \\"]     click n0 \\"javascript:alert(1)\\""];');
        expect(out).toMatch(/^ {4}n\d+ -> n\d+ \[label="listener HTTPS 443 → port 22", color=red, penwidth=3\];$/m);
    });
});

describe("sarif", () => {
    it("is valid SARIF with the file's path percent-encoded as a relative URI reference", () => {
        const run = scan("--format", "sarif");
        const sarif = JSON.parse(run.stdout);
        (expect(sarif) as any).toBeValidSarifLog();
        const uris: string[] = [...new Set<string>(sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri))];
        expect(uris).toHaveLength(1);
        const [uri] = uris;
        // RFC 3986 path characters and percent-encodings only; `/` kept; decoding gives the path back.
        expect(uri).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})+$/);
        expect(uri).toContain("stack%20%231%20100%25%20%C3%A4%3F.json");
        expect(uri.split("/").map(decodeURIComponent).join("/")).toBe(path.relative(ROOT, hostileFile).split(path.sep).join("/"));
    });

    it("writes messages as SARIF plain text: no placeholder, no embedded link, no raw control character", () => {
        const run = scan("--format", "sarif");
        expect(run.stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
        const messages: string[] = JSON.parse(run.stdout).runs[0].results.map((r: any) => r.message.text);
        const formatting = messages.find((m) => m.includes("evil.example"))!;
        expect(formatting).toContain("{{0}}");
        expect(formatting).not.toContain("](");
    });
});

describe("escapers", () => {
    it("markdownCode: a fence longer than any backtick run, padded where the text starts or ends with one", () => {
        expect(markdownCode("tier-isolation")).toBe("`tier-isolation`");
        expect(markdownCode("a`b")).toBe("``a`b``");
        expect(markdownCode("``x")).toBe("``` ``x ```");
        expect(markdownCode("x\n```\ny")).toBe("````x ``` y````");
        expect(markdownCode("")).toBe("` `");
        // With characters HTML would read, a <code> element of escaped text: no raw < even in code.
        expect(markdownCode("</details> `x` *")).toBe("<code>&lt;/details&gt; \\`x\\` \\*</code>");
    });

    it("markdownText and htmlText: one line, no tag, no formatting", () => {
        expect(markdownText("a\r\n<!-- b\u2028c")).toBe("a &lt;!-- b c");
        expect(markdownText("\\` *_ [x](y) | ~ $ # &")).toBe("\\\\\\` \\*\\_ \\[x\\](y) \\| \\~ \\$ \\# &amp;");
        expect(htmlText(`</details>\n"'&`)).toBe("&lt;/details&gt; &quot;&#39;&amp;");
        expect(markdownText("esc\u001b[2J")).toBe("esc\\\\x1b\\[2J");
    });

    it("mermaidString and dotString: quoted, one line, nothing that ends the string", () => {
        expect(mermaidString('a"]\n%%{x}%% <b>`#|\\')).toBe('"a#quot;] #37;#37;#123;x#125;#37;#37; #lt;b#gt;#96;#35;#124;#92;"');
        expect(dotString('a\\"]\nb\\')).toBe('"a\\\\\\"] b\\\\"');
    });

    it("terminalText: controls visible, line feeds kept only in multiline text", () => {
        expect(terminalText("a\u001b[31m\r\n\u009b\u202e\t")).toBe("a\\x1b[31m\\r\\n\\x9b\\u202e\\t");
        expect(terminalText("a\r\nb\u0007", { multiline: true })).toBe("a\nb\\x07");
    });

    it("uriPath, sarifText and jsonText", () => {
        expect(uriPath("../dir #1/a b%?ä:.json")).toBe("../dir%20%231/a%20b%25%3F%C3%A4%3A.json");
        expect(uriPath("lone\ud800")).toBe("lone%EF%BF%BD");
        expect(sarifText("{0} [x](https://e) ingress[0]")).toBe("{{0}} [x] (https://e) ingress[0]");
        expect(jsonText({ a: "\u009b\u2028\u001b" }, 0)).toBe('{"a":"\\u009b\\u2028\\u001b"}');
    });
});

/** What only `check` reports (components, offline answers, a failed program, source locations), with hostile text throughout. */
function hostileCheckReport(): CheckReport {
    const componentUrn = urn("acme:network:EdgeGateway", HOSTILE.details);
    const report = {
        program: `programs/${HOSTILE.comment}`,
        project: PROJECT,
        stack: STACK,
        stackUrn: urn("pulumi:pulumi:Stack", "stack"),
        mode: "preview",
        outcome: { status: "failed", exitCode: 1, signal: null, errors: [`Error: ${HOSTILE.ansi}\n    at ${HOSTILE.details}`] },
        violations: [],
        resources: 0,
        unchecked: [{ urn: componentUrn, type: `acme:network:${HOSTILE.mermaidClick}`, name: HOSTILE.details, reason: HOSTILE.formatting, network: "unknown" }],
        components: [
            {
                urn: componentUrn,
                type: "acme:network:EdgeGateway",
                name: "`a``b`",
                version: HOSTILE.comment,
                expandedBy: "model",
                detail: HOSTILE.c1,
                network: "yes",
                resources: 1,
            },
        ],
        offline: [{ kind: "data source", token: `aws:ec2/getAmi:getAmi${HOSTILE.details}`, detail: HOSTILE.ansi, answer: "placeholder", calls: 1 }],
        policies: [{ name: "tier-isolation", description: "d {0}", remediationSteps: "r <b>", enforcementLevel: "mandatory", severity: 4, tags: [] }],
        capture: { project: PROJECT, stack: STACK, stackUrn: "", resources: [] },
        sources: {
            [componentUrn]: { uri: `file://${path.join(os.tmpdir(), "a b#c", "index.js").replace(/ /g, "%20").replace(/#/g, "%23")}`, line: 3, column: 1 },
        },
    };
    return report as unknown as CheckReport;
}

describe("what only check reports", () => {
    it("is escaped in Markdown: components, offline answers and the program's outcome", () => {
        const out = markdownReport([hostileCheckReport()], []);
        expect(out).not.toContain("<!--");
        expect(out.split("\n").filter((line) => /^ {0,3}#/.test(line))).toHaveLength(2);
        // Only tierguard's two <details> (components, offline answers), each closed once.
        expect(out.split("<details").length - 1).toBe(2);
        expect(out.split("</details>").length - 1).toBe(2);
        expect(out).toContain('- <code>&lt;/details&gt;  \\#\\# ✅ safe to merge  &lt;details&gt;</code> (acme:network:"\\]     click n0');
        expect(out).toContain("- ``` `a``b` ``` (acme:network:EdgeGateway x&lt;!--): c1\\\\x9b2J  Summary: 0 mandatory\\\\u202eevil");
    });

    it("is escaped in text, on stderr's terms too", () => {
        const out = textReport(hostileCheckReport());
        expect(out).not.toMatch(RAW_CONTROL_CHARACTERS);
        expect(out.split("\n").filter((line) => line.startsWith("Summary:"))).toHaveLength(1);
    });

    it("is valid SARIF, the program's file an encoded URI", () => {
        const sarif = JSON.parse(sarifReport([hostileCheckReport()]));
        (expect(sarif) as any).toBeValidSarifLog();
        expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/a%20b%23c\/index\.js$/);
        expect(sarif.runs[0].tool.driver.rules[0].shortDescription.text).toBe("d {{0}}");
        expect(sarif.runs[0].tool.driver.rules[0].help.markdown).toBe("r &lt;b&gt;");
        expect(sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text).join("\n")).toContain(
            "\u001b[2J",
        );
    });
});

/** A report of one stack, as the Markdown writer reads it. */
function syntheticReport(stack: string, resources: number, messageLength = 300): CheckReport & { file: string } {
    const violations: Violation[] = [];
    for (let i = 0; i < resources; i++) {
        for (const policy of ["no-admin-ports-from-internet", "internet-ingress-only-on-allowed-ports"]) {
            violations.push({
                policy,
                enforcementLevel: i % 3 === 0 ? "advisory" : "mandatory",
                severity: "high",
                urn: urn(SG, `group-${i}`, "fleet", stack),
                resourceType: SG,
                resourceName: `group-${i}`,
                message: `group-${i} ingress[0] allows TCP port 22 from 0.0.0.0/0: ${"x".repeat(messageLength)}`,
                // One rule breaking both policies: one finding per resource.
                rule: "ingress[0]",
                protocol: "TCP",
                ports: "22",
                peer: "0.0.0.0/0",
            });
        }
    }
    const report = {
        file: `${stack}.json`,
        program: `${stack}.json`,
        project: "fleet",
        stack,
        mode: "update",
        outcome: { status: "completed" },
        violations,
        resources,
        unchecked: [],
        components: [],
        offline: [],
    };
    return report as unknown as CheckReport & { file: string };
}

describe("markdown within GitHub's comment limit", () => {
    const graphOf = (nodes: number) => ["flowchart LR", ...Array.from({ length: nodes }, (_, i) => `        n${i}["group-${i}"]`)].join("\n");

    it("leaves out the graph first, and says so", () => {
        const out = markdownReport([syntheticReport("a", 40)], [graphOf(3000)]);
        expect(out.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
        expect(out).toContain("✂️ **Shortened to fit GitHub's 65,536-character comment limit:** the network graph was left out.");
        expect(out).not.toContain("```mermaid");
        expect(out.split("</details>").length - 1).toBe(40);
    });

    it("then lists violations without their messages", () => {
        const out = markdownReport([syntheticReport("a", 150)], [graphOf(10)]);
        expect(out.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
        expect(out).toContain("the network graph was left out; findings are listed one line per resource, without their messages (150 messages left out).");
        expect(out).not.toContain("<details");
        expect(out).toContain(
            "- 🛑 **group-1** `aws:ec2/securityGroup:SecurityGroup` — 1 finding: `internet-ingress-only-on-allowed-ports`, `no-admin-ports-from-internet`",
        );
    });

    it("then cuts lists short, most severe first, counting what it left out", () => {
        const out = markdownReport([syntheticReport("a", 1000)], [graphOf(10)]);
        expect(out.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
        const listed = out.split("\n").filter((line) => line.startsWith("- ") && line.includes("group-")).length;
        expect(listed).toBeGreaterThan(100);
        const hidden = 1000 - listed;
        expect(out).toContain(`${hidden.toLocaleString("en-US")} resources with ${hidden.toLocaleString("en-US")} findings are not listed.`);
        expect(out).toContain(
            `_…and ${hidden.toLocaleString("en-US")} more resources with ${hidden.toLocaleString("en-US")} findings, left out to fit the comment limit._`,
        );
        // Mandatory resources (i % 3 != 0) come before advisory ones.
        expect(out).not.toContain("⚠️ **group-");
    });

    it("and shows only the first stacks when even their summaries are too many", () => {
        const reports = Array.from({ length: 2000 }, (_, i) => syntheticReport(`stack-${i}`, 1, 10));
        const out = markdownReport(reports, []);
        expect(out.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
        const shown = out.split("\n").filter((line) => line.startsWith("| fleet/")).length;
        expect(shown).toBeGreaterThan(100);
        expect(out).toContain(`${(2000 - shown).toLocaleString("en-US")} stacks are not shown.`);
        expect(out).toContain(`_…and ${(2000 - shown).toLocaleString("en-US")} more stacks (`);
    });

    it("scan --format markdown of a stack with many violating groups stays under the limit", () => {
        const groups = 700;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-markdown-limit-"));
        const names = { project: "fleet", stack: "big" };
        const resources = Array.from({ length: groups }, (_, i) =>
            resource(
                SG,
                `admin-group-with-a-rather-long-name-${String(i).padStart(4, "0")}`,
                `sg-${i}`,
                { vpcId: "vpc-1", description: "admin", ingress: [sshFromEverywhere], egress: [] },
                {},
                names,
            ),
        );
        fs.writeFileSync(path.join(dir, "big.json"), JSON.stringify({ version: 3, deployment: { resources } }));
        const run = tierguard("scan", path.join(dir, "big.json"), "--format", "markdown");
        expect(run.code).toBe(1);
        expect(run.stdout.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
        const listed = run.stdout.split("\n").filter((line) => line.startsWith("- 🛑 **admin-group-")).length;
        expect(listed).toBeGreaterThan(0);
        expect(listed).toBeLessThan(groups);
        expect(run.stdout).toMatch(
            new RegExp(
                `✂️ \\*\\*Shortened to fit GitHub's 65,536-character comment limit:\\*\\* .*; ${groups - listed} resources with [\\d,]+ findings are not listed\\.`,
            ),
        );
        expect(run.stdout).toContain("The SARIF (`--format sarif`) and JSON (`--format json`) reports list everything.");
    });
});
