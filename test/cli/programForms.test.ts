/**
 * `check` loads every form of program Pulumi loads (TypeScript and JavaScript, CommonJS and ES modules,
 * Pulumi.yaml main and runtime options, package.json main/exports), answers what only the cloud or the
 * backend knows, and calls transforms back into the program.
 *
 * The mode changes only what the engine answers a registration (an update gives ids) and the pack's
 * dryRun (what depends on an unknown is advisory in a preview). Loading a program, its config and its
 * stack name, and calling its transforms back, happen before and apart from those answers: those cases
 * run once, in preview (the default). Programs that read an id or a registered output (an import, a
 * component's outputs and getResource, launch templates on a group's id) or whose verdict rests on an
 * unknown (a StackReference) run in both modes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MODES, checkJson as check, sshOpenOn } from "./checkJson";
import { fixture, tierguard } from "./run";

/** For cases the mode cannot change (see above). */
const PREVIEW = ["preview"] as const;

describe.each(PREVIEW)("program forms Pulumi loads (%s)", (mode) => {
    it("an ES-module TypeScript program written NodeNext-style (./network.js for network.ts)", () => {
        const run = check("esm-nodenext", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["esm-admin-sg"]);
    });

    it("a CommonJS TypeScript program written NodeNext-style", () => {
        const run = check("cjs-nodenext", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["cjs-admin-sg"]);
    });

    it("a package.json main that does not exist: Pulumi's warning, then the program's index", () => {
        const run = check("missing-main", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.stderr).toContain("[program] warning: Could not find entry point 'bin/index.js' specified in package.json");
        expect(sshOpenOn(run.report)).toEqual(["fallback-sg"]);
    });

    it("Pulumi.yaml main naming a file, runtime.options tsconfig and nodeargs, as the language host passes them", () => {
        const run = check("runtime-options", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.report.violations.map((v) => `${v.policy}@${v.resourceName}`)).toContain("no-database-ports-from-internet@options-sg");
    });

    it("the entry point package.json exports names", () => {
        const run = check("package-exports", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["exported-sg"]);
    });

    it("a program whose dependencies are not installed runs with tierguard's own SDK, with a warning", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-uninstalled-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: uninstalled\nruntime: nodejs\n");
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({ name: "uninstalled", dependencies: { "@pulumi/aws": "^7", "@pulumi/pulumi": "^3" } }),
        );
        fs.writeFileSync(
            path.join(dir, "index.ts"),
            'import * as aws from "@pulumi/aws";\nnew aws.ec2.SecurityGroup("fresh-clone-sg", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });\n',
        );
        const run = tierguard("check", dir, "--mode", mode, "--format", "json");
        expect(JSON.parse(run.stdout).program).toEqual({ status: "completed" });
        expect(run.stderr).toContain("tierguard: warning: @pulumi/pulumi is not installed for");
        expect(JSON.parse(run.stdout).violations.map((v: { policy: string; resourceName: string }) => `${v.policy}@${v.resourceName}`)).toContain(
            "no-admin-ports-from-internet@fresh-clone-sg",
        );
        expect(run.code).toBe(1);
        // An ES-module program resolves its imports from tierguard's modules the same way.
        const esm = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-uninstalled-esm-")), "app");
        fs.mkdirSync(esm);
        fs.writeFileSync(path.join(esm, "Pulumi.yaml"), "name: uninstalled-esm\nruntime: nodejs\n");
        fs.writeFileSync(path.join(esm, "package.json"), JSON.stringify({ name: "uninstalled-esm", type: "module" }));
        fs.writeFileSync(
            path.join(esm, "index.ts"),
            'import * as aws from "@pulumi/aws";\nimport { port } from "./port.js";\nnew aws.ec2.SecurityGroup("esm-clone-sg", { ingress: [{ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["0.0.0.0/0"] }] });\n',
        );
        fs.writeFileSync(path.join(esm, "port.ts"), "export const port: number = 22;\n");
        const esmRun = tierguard("check", esm, "--mode", mode, "--format", "json");
        expect(JSON.parse(esmRun.stdout).program).toEqual({ status: "completed" });
        expect(JSON.parse(esmRun.stdout).violations.map((v: { policy: string; resourceName: string }) => `${v.policy}@${v.resourceName}`)).toContain(
            "no-admin-ports-from-internet@esm-clone-sg",
        );
    });

    it("a fully qualified --stack organization/project/stack, as the CLI takes it", () => {
        const run = check("qualified-stack", mode, "--stack", "acme/qualified-stack/prod");
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["admin"]);
        const wrong = tierguard("check", fixture("qualified-stack"), "--stack", "acme/other/prod");
        expect(wrong.code).toBe(2);
        expect(wrong.stderr).toContain('--stack acme/other/prod names project "other"');
    });

    it("secure config values get stand-ins of the type Pulumi.yaml declares; others a hint naming -c", () => {
        const typed = check("secure-config", mode, "--stack", "typed");
        expect(typed.report.program).toEqual({ status: "completed" });
        const untyped = check("secure-config", mode, "--stack", "untyped");
        expect(untyped.code).toBe(2);
        expect(untyped.stderr).toContain("give a stand-in with -c secure-config:replicas=VALUE");
        expect(check("secure-config", mode, "--stack", "untyped", "-c", "replicas=3").report.program).toEqual({ status: "completed" });
    });

    it("an ES-module JavaScript program exporting an async function", () => {
        const run = check("esm", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["esm-sg"]);
    });
});

describe.each(MODES)("ids and outputs the engine answers (%s)", (mode) => {
    it("a component's registered outputs, and a resource looked up again by URN (getResource)", () => {
        const run = check("rehydrate", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["bastion-sg"]);
    });

    it("an imported resource's id is known from the start and is the id given", () => {
        const run = check("import-id", mode);
        expect(run.report.program).toEqual({ status: "completed" });
    });
});

describe.each(MODES)("what only the cloud or the backend knows (%s)", (mode) => {
    it("public AMI parameters answer as AWS writes them (the ECS JSON, plain ids), each one named", () => {
        const run = check("ssm-ami", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        const names = run.report.offline
            .filter((o) => o.token === "aws:ssm/getParameter:getParameter")
            .map((o) => o.detail)
            .sort();
        expect(names).toEqual([
            "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
            "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended",
            "/aws/service/eks/optimized-ami/1.30/amazon-linux-2/recommended/image_id",
        ]);
        expect(run.code).toBe(0);
    });

    it("a StackReference's outputs are unknown and disclosed; what depends on them cannot be verified", () => {
        const run = check("stack-reference", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.report.offline).toContainEqual({ kind: "stack reference", token: "acme/network/prod", answer: "unknown", calls: 1 });
        const ssh = run.report.violations.find((v) => v.policy === "no-admin-ports-from-internet" && v.resourceName === "admin-sg")!;
        expect(ssh.enforcementLevel).toBe("advisory");
        expect(ssh.message).toMatch(/cannot be verified|cannot verify/i);
        expect(run.code).toBe(0);
    });
});

describe.each(PREVIEW)("what only the backend knows, in the text report (%s)", (mode) => {
    it("a StackReference's outputs are disclosed as unknown", () => {
        const text = tierguard("check", fixture("stack-reference"), "--mode", mode);
        expect(text.stdout).toContain("stack reference acme/network/prod: outputs unknown (no backend)");
    });
});

describe.each(PREVIEW)("transforms run in the program, called back by the engine (%s)", (mode) => {
    it("applies a resource's own transforms, then the stack's, before judging", () => {
        const run = check("transforms", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        const messagesFor = (name: string) =>
            run.report.violations.filter((v) => v.policy === "no-admin-ports-from-internet" && v.resourceName === name).map((v) => v.message);
        expect(messagesFor("transformed-sg").join("\n")).toContain("TCP port 3389 from 0.0.0.0/0");
        expect(messagesFor("cleaned-sg").join("\n")).toContain("TCP port 3389 from 0.0.0.0/0");
        expect(messagesFor("cleaned-sg").join("\n")).not.toContain("port 22 ");
    });
});
