/**
 * Composition over the engine protocol: examples/org-pack, an organisation's own TypeScript pack that
 * includes tierguard's policies (`new Tierguard({...})` from "tierguard/policies") beside one of its own,
 * started from its folder by run-policy-pack as the engine starts it — with ts-node type-checking
 * index.ts, so the package's `exports` and types are what resolve it. The pack is laid out as
 * `npm install` would lay it out: its dependencies in its node_modules, tierguard being this checkout
 * (built: `exports` points at dist/).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Diagnostic, PackProcess, PolicyInfo } from "../../cli/engine/packProcess";
import { configurationFor } from "../../cli/policyConfig";
import { policyDefinitions, stackPolicyDefinitions } from "../../policypack/policies";
import { REPO_ROOT } from "../repoRoot";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const EXAMPLE = path.join(REPO_ROOT, "examples", "org-pack");
const ORG_POLICY = "org-security-groups-have-an-owner";
const tierguardNames = [...policyDefinitions, ...stackPolicyDefinitions].map((p) => p.name);

let dir: string;
const scratch: string[] = [];
let pack: PackProcess;
let policies: PolicyInfo[];

function packageDir(name: string): string {
    return path.dirname(require.resolve(`${name}/package.json`, { paths: [REPO_ROOT] }));
}

/** A copy of the example pack with its dependencies installed; `edit` changes its index.ts, `javascript` gives an index.js instead. */
function layOut(edit: (source: string) => string = (source) => source, javascript?: string): string {
    const to = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-org-pack-"));
    scratch.push(to);
    for (const file of ["PulumiPolicy.yaml", "package.json", "tsconfig.json"]) fs.copyFileSync(path.join(EXAMPLE, file), path.join(to, file));
    if (javascript !== undefined) fs.writeFileSync(path.join(to, "index.js"), javascript);
    else fs.writeFileSync(path.join(to, "index.ts"), edit(fs.readFileSync(path.join(EXAMPLE, "index.ts"), "utf8")));
    fs.mkdirSync(path.join(to, "node_modules", "@pulumi"), { recursive: true });
    fs.symlinkSync(REPO_ROOT, path.join(to, "node_modules", "tierguard"), "dir");
    for (const name of ["@pulumi/policy", "@pulumi/pulumi", "typescript"]) fs.symlinkSync(packageDir(name), path.join(to, "node_modules", name), "dir");
    return to;
}

beforeAll(async () => {
    dir = layOut();
    // Type-checking the pack with ts-node takes seconds; two cores shared with other tests take more.
    pack = await PackProcess.start(dir, 120000);
    policies = (await pack.getAnalyzerInfo()).policies;
}, 150000);

afterAll(async () => {
    await pack?.stop();
    for (const made of scratch) fs.rmSync(made, { recursive: true, force: true });
});

const levelOf = (name: string) => policies.find((p) => p.name === name)?.enforcementLevel;
const byPolicy = (diagnostics: Diagnostic[], name: string) => diagnostics.filter((d) => d.policyName === name);

describe("examples/org-pack, started by the engine", () => {
    it("lists tierguard's policies and its own, at the levels it configured", async () => {
        const info = await pack.getAnalyzerInfo();
        expect(info.name).toBe("org");
        expect(info.policies.map((p) => p.name).sort()).toEqual([...tierguardNames, ORG_POLICY].sort());
        expect(levelOf(ORG_POLICY)).toBe("mandatory");
        expect(levelOf("no-admin-ports-from-internet")).toBe("mandatory");
        expect(levelOf("no-wide-ingress-port-ranges")).toBe("mandatory"); // advisory in tierguard's own pack; all: "mandatory"
        expect(levelOf("security-group-rules-have-descriptions")).toBe("advisory");
        expect(levelOf("tier-isolation")).toBe("disabled");
        const wide = info.policies.find((p) => p.name === "no-wide-ingress-port-ranges")!;
        expect((wide.configSchema.maxPorts as { default: number }).default).toBe(20);
        const allowList = info.policies.find((p) => p.name === "internet-ingress-only-on-allowed-ports")!;
        expect((allowList.configSchema.allowedTcpPorts as { default: number[] }).default).toEqual([443]);
    });

    it("reports tierguard's violations and the organisation's on a violating security group", async () => {
        // What the Pulumi CLI sends: each policy's schema defaults (the org pack's settings) and level.
        await pack.configure(configurationFor(policies, {}));
        const props = {
            description: "Managed by Pulumi",
            ingress: [
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" },
                { protocol: "tcp", fromPort: 8000, toPort: 8049, cidrBlocks: ["10.0.0.0/8"], description: "app" },
            ],
        };
        const found = await pack.analyze({ type: SG, name: "web", props });
        const admin = byPolicy(found, "no-admin-ports-from-internet");
        expect(admin).toHaveLength(1);
        expect(admin[0].enforcementLevel).toBe("mandatory");
        expect(admin[0].message).toContain("SSH (22)");
        const wide = byPolicy(found, "no-wide-ingress-port-ranges");
        expect(wide.map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
        expect(wide[0].message).toContain("more than the 20 allowed");
        const own = byPolicy(found, ORG_POLICY);
        expect(own.map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
        expect(own[0].message).toContain('security group "web" has no owner tag');
        expect(byPolicy(found, "tier-isolation")).toEqual([]);
    });

    it("passes a compliant security group", async () => {
        await pack.configure(configurationFor(policies, {}));
        const props = {
            description: "Managed by Pulumi",
            tags: { owner: "payments" },
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "https" }],
            egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"], description: "to the app tier" }],
        };
        const found = await pack.analyze({ type: SG, name: "lb", props });
        expect(found.filter((d) => d.enforcementLevel !== "advisory")).toEqual([]);
    });

    it("applies its settings where a host sends no schema defaults, and a stack's policy config still overrides them", async () => {
        const props = {
            tags: { owner: "payments" },
            ingress: [{ protocol: "tcp", fromPort: 8000, toPort: 8049, cidrBlocks: ["10.0.0.0/8"], description: "app" }],
        };
        await pack.configure({ "no-wide-ingress-port-ranges": { enforcementLevel: "mandatory" } });
        expect(byPolicy(await pack.analyze({ type: SG, name: "app", props }), "no-wide-ingress-port-ranges")).toHaveLength(1);
        await pack.configure(configurationFor(policies, { "no-wide-ingress-port-ranges": { maxPorts: 100 } }));
        expect(byPolicy(await pack.analyze({ type: SG, name: "app", props }), "no-wide-ingress-port-ranges")).toEqual([]);
    });

    it("does not start with a misspelt policy or setting: ts-node type-checks index.ts against tierguard's types", async () => {
        const typo = layOut((source) => source.replace('"no-wide-ingress-port-ranges": { maxPorts: 20 }', '"no-wide-ingress-port-ranges": { maxPort: 20 }'));
        expect(fs.readFileSync(path.join(typo, "index.ts"), "utf8")).toContain("maxPort: 20");
        await expect(PackProcess.start(typo, 120000)).rejects.toThrow(/TS2561[\s\S]*'maxPort' does not exist[\s\S]*Did you mean to write 'maxPorts'/);
    }, 150000);

    it("does not start a JavaScript pack with a misspelt policy: the settings are checked when built", async () => {
        const source = `const { PolicyPack } = require("@pulumi/policy");
const { Tierguard } = require("tierguard/policies");
new PolicyPack("org", { policies: [...new Tierguard({ all: "mandatory", "internet-exposre": { adminPorts: [22] } })] });
`;
        await expect(PackProcess.start(layOut(undefined, source), 120000)).rejects.toThrow(
            /"internet-exposre" is not a tierguard policy \(did you mean "internet-exposure"\?\)/,
        );
    }, 150000);

    it("type-checks with moduleResolution node too (typesVersions), as many existing tsconfig.json files set it", () => {
        const tsc = path.join(packageDir("typescript"), "bin", "tsc");
        const options = ["--noEmit", "--strict", "--skipLibCheck", "--target", "ES2020", "--module", "commonjs", "--moduleResolution", "node"];
        const run = spawnSync(process.execPath, [tsc, ...options, "index.ts"], { cwd: dir, encoding: "utf8" });
        expect(run.stdout + run.stderr).toBe("");
        expect(run.status).toBe(0);
    }, 120000);
});
