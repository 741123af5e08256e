/**
 * The command line as util.parseArgs reads it, with tierguard's own words for every mistake, in the
 * pulumi CLI's spellings (-c/--config key=value, --config-file, -s/--stack, -C/--cwd,
 * --policy-pack-config, --json); and the help, version and usage errors as the built command prints them.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCommandLine } from "../../cli/commandLine";
import { ROOT, tierguard } from "./run";

it("reads every option of check, long values after = or as the next argument, -c repeated", () => {
    const line = parseCommandLine([
        "check",
        "dir",
        "--mode=update",
        "--format",
        "json",
        "--policy-pack-config",
        "c.json",
        "--policy-pack",
        "pack",
        "--stack",
        "org/p/s",
        "-c",
        "a=b",
        "--config=k=v",
        "--config",
        "x:y=1=2",
        "--config-file",
        "Pulumi.prod.yaml",
        "-C",
        "somewhere",
        "--timeout",
        "1.5",
        "--fail-on-unchecked",
        "-h",
        "--version",
    ]);
    expect(line).toEqual({
        command: "check",
        programDir: "dir",
        targets: [],
        mode: "update",
        format: "json",
        policyPackConfig: "c.json",
        stackConfigFile: "Pulumi.prod.yaml",
        policyPack: "pack",
        stack: "org/p/s",
        cwd: "somewhere",
        overrides: ["a=b", "k=v", "x:y=1=2"],
        timeoutSeconds: 1.5,
        failOnUnchecked: true,
        help: true,
        version: true,
    });
    expect(parseCommandLine(["check", "-s", "prod", "--cwd=there", "--json"])).toMatchObject({
        stack: "prod",
        cwd: "there",
        format: "json",
    });
    expect(parseCommandLine(["check", "--graph", "dot"])).toMatchObject({ graph: "dot", format: "text" });
});

it("checks the current folder when check is given no program folder", () => {
    expect(parseCommandLine(["check"]).programDir).toBe(".");
    expect(parseCommandLine(["check", "-C", "examples/three-tier"])).toMatchObject({ programDir: ".", cwd: "examples/three-tier" });
});

it("reads scan's files and folders, and the options scan takes", () => {
    expect(parseCommandLine(["scan", "a.json", "dir", "--json", "--policy-pack-config", "p.json", "--policy-pack", "pack", "-C", "here"])).toMatchObject({
        command: "scan",
        targets: ["a.json", "dir"],
        mode: "preview",
        format: "json",
        policyPackConfig: "p.json",
        policyPack: "pack",
        cwd: "here",
        timeoutSeconds: 600,
    });
    expect(parseCommandLine(["scan", "a.json", "--graph", "mermaid"]).graph).toBe("mermaid");
    expect(parseCommandLine(["scan", "a.json"]).jobs).toBeUndefined();
    expect(parseCommandLine(["scan", "a.json", "--jobs", "1"]).jobs).toBe(1);
    expect(parseCommandLine(["scan", "a.json", "--jobs=12"]).jobs).toBe(12);
    expect(parseCommandLine(["scan", "a.json", "--json", "--format", "json"]).format).toBe("json");
    expect(parseCommandLine(["scan", "a.json", "--format", "sarif", "--format", "markdown"]).format).toBe("markdown");
});

it("takes a value that starts with a dash as the value, and judges it", () => {
    expect(parseCommandLine(["check", "d", "-c", "-x=1"]).overrides).toEqual(["-x=1"]);
    expect(() => parseCommandLine(["check", "d", "--timeout", "-5"])).toThrow(
        '--timeout takes a number of seconds greater than 0 and at most 2147483 (about 24 days), got "-5"',
    );
    expect(() => parseCommandLine(["check", "d", "--mode", "--help"])).toThrow('--mode must be preview or update, got "--help"');
});

it.each([
    [["check", "d", "--bogus"], "unknown option --bogus"],
    [["check", "d", "--bogus=1"], "unknown option --bogus=1"],
    [["check", "d", "-x"], "unknown option -x"],
    [["check", "d", "-hc", "a=b"], "unknown option -hc"],
    [["check", "d", "-c=x"], "unknown option -c=x"],
    [["check", "d", "-sC", "x"], "unknown option -sC"],
    [["check", "d", "--"], "unknown option --"],
    [["check", "d", "-"], "unknown option -"],
    [["check", "d", "--mode"], "--mode needs a value"],
    [["check", "d", "-c"], "-c needs a value"],
    [["check", "d", "--config"], "--config needs a value"],
    [["check", "d", "-s"], "-s needs a value"],
    [["check", "d", "-C"], "-C needs a value"],
    [["check", "d", "--cwd"], "--cwd needs a value"],
    [["check", "d", "--config-file"], "--config-file needs a value"],
    [["check", "d", "--policy-pack-config"], "--policy-pack-config needs a value"],
    [["check", "d", "--format", "xml"], '--format must be text, json, sarif or markdown, got "xml"'],
    [["check", "d", "--graph", "svg"], '--graph must be mermaid or dot, got "svg"'],
    [["check", "d", "--mode", "bad", "--mode", "update"], '--mode must be preview or update, got "bad"'],
    [["check", "d", "extra"], "unexpected argument extra"],
    // The old spellings (before 0.x took pulumi's): --config-value is gone, --config takes key=value.
    [["check", "d", "--config-value", "a=b"], "unknown option --config-value"],
    [["check", "d", "--config", "policy.json"], 'got "policy.json": for a policy config file use --policy-pack-config policy.json'],
    [["check", "d", "--config", "tierguard.yaml"], "use --policy-pack-config tierguard.yaml"],
    [
        ["check", "d", "-c", "README.md"],
        '-c takes key=value (program config, as in pulumi), got "README.md": for a policy config file use --policy-pack-config',
    ],
    [["check", "d", "--config", "key"], 'got "key" (a policy config file goes to --policy-pack-config FILE)'],
    [["check", "d", "--config", "=v"], "--config takes key=value"],
    [["scan", "a.json", "--config", "policy.json"], "--policy-pack-config policy.json"],
    // Options that do not apply.
    [["scan", "a.json", "--mode", "preview"], "--mode does not apply to tierguard scan (scan judges recorded stacks: no program runs"],
    [["scan", "a.json", "--timeout", "5"], "--timeout does not apply to tierguard scan (scan runs no program)"],
    [["scan", "a.json", "-c", "k=v"], "-c does not apply to tierguard scan (program config: scan runs no program); it is an option of tierguard check"],
    [["scan", "a.json", "--config=k=v"], "--config does not apply to tierguard scan"],
    [["scan", "a.json", "--stack", "dev"], "--stack does not apply to tierguard scan (scan reads each stack from its file)"],
    [["scan", "a.json", "-s", "dev"], "-s does not apply to tierguard scan"],
    [["scan", "a.json", "--config-file", "Pulumi.dev.yaml"], "--config-file does not apply to tierguard scan"],
    [["scan", "a.json", "--fail-on-unchecked"], "--fail-on-unchecked does not apply to tierguard scan"],
    [
        ["check", "d", "--jobs", "2"],
        "--jobs does not apply to tierguard check (check judges the one stack its program registers, with one pack, which starts while the program runs); it is an option of tierguard scan",
    ],
    [["scan", "a.json", "--jobs", "0"], '--jobs takes a whole number of stacks to judge at once, from 1 to 64, got "0"'],
    [["scan", "a.json", "--jobs=x"], '--jobs takes a whole number of stacks to judge at once, from 1 to 64, got "x"'],
    [["scan", "a.json", "--jobs", "-1"], '--jobs takes a whole number of stacks to judge at once, from 1 to 64, got "-1"'],
    [["scan", "a.json", "--jobs", "1.5"], 'got "1.5"'],
    [["scan", "a.json", "--jobs", "65"], 'got "65"'],
    [["scan", "a.json", "--jobs"], "--jobs needs a value"],
    [
        ["check", "d", "--format", "json", "--graph", "mermaid"],
        "--graph mermaid prints the network graph instead of a report: it does not combine with --format json",
    ],
    [["scan", "a.json", "--graph=dot", "--json"], "--graph dot prints the network graph instead of a report: it does not combine with --json"],
    [["check", "d", "--json", "--format", "sarif"], "--json does not combine with --format sarif: --json is --format json"],
    [["scan", "a.json", "--format=markdown", "--json"], "--json does not combine with --format markdown"],
])("%j: %s", (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
});

it("lets help and the version win over options that would not apply", () => {
    expect(parseCommandLine(["scan", "--mode", "preview", "--help"]).help).toBe(true);
    expect(parseCommandLine(["scan", "--stack", "dev", "--version"]).version).toBe(true);
});

describe("the built command", () => {
    it("prints the package's version", () => {
        const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
        const run = tierguard("--version");
        expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
        expect(tierguard("check", "--version").stdout).toBe(`${version}\n`);
    });

    it("prints each command's own help, and the overview", () => {
        const check = tierguard("check", "--help");
        const scan = tierguard("scan", "-h");
        const overview = tierguard("--help");
        for (const run of [check, scan, overview]) expect(run.code).toBe(0);
        expect(check.stdout).toMatch(/^Usage: tierguard check \[program-dir\] \[options\]/);
        expect(scan.stdout).toMatch(/^Usage: tierguard scan <stack-export-or-preview\.json \| dir>\.\.\. \[options\]/);
        expect(overview.stdout).toMatch(/^Usage: tierguard check .*\n\s+tierguard scan /);
        for (const option of ["-c, --config key=value", "--config-file FILE", "-s, --stack NAME", "--mode", "--timeout", "--fail-on-unchecked"]) {
            expect(check.stdout).toContain(option);
            expect(scan.stdout).not.toContain(`  ${option}`);
        }
        expect(scan.stdout).toContain("--jobs N");
        expect(check.stdout).not.toContain("--jobs");
        for (const option of ["--format", "--json", "--graph", "--policy-pack-config FILE", "--policy-pack DIR", "-C, --cwd DIR", "--version", "-h, --help"]) {
            expect(check.stdout).toContain(option);
            expect(scan.stdout).toContain(option);
        }
        expect(overview.stdout).toContain('Run "tierguard check --help" or "tierguard scan --help"');
        expect(check.stdout).not.toBe(scan.stdout);
    });

    it.each([
        [[], "Usage: tierguard check"],
        [["lint", "."], 'unknown command "lint"'],
        [["lint", "--help"], 'unknown command "lint"'],
        [["scan"], "tierguard scan takes at least one stack file"],
        [
            ["scan", "x.json", "--mode", "update"],
            '--mode does not apply to tierguard scan (scan judges recorded stacks: no program runs, so there is no preview or update); it is an option of tierguard check\nRun "tierguard scan --help" for usage.',
        ],
        [["check", "--config", "test/fixtures/stacks/shop-prod.json"], "for a policy config file use --policy-pack-config test/fixtures/stacks/shop-prod.json"],
        [
            ["scan", "x.json", "--jobs", "0"],
            '--jobs takes a whole number of stacks to judge at once, from 1 to 64, got "0"\nRun "tierguard scan --help" for usage.',
        ],
        [["scan", "x.json", "--jobs", "x"], '--jobs takes a whole number of stacks to judge at once, from 1 to 64, got "x"'],
        [["check", "-C", "no/such/dir"], "-C no/such/dir: not a directory"],
        [["check", "-C", "test"], "no Pulumi.yaml in"],
        [["check", "examples/three-tier", "--config-file", "no-such.yaml"], "--config-file no-such.yaml: no such file"],
        [["check", "examples/three-tier", "--config-value", "a=b"], "unknown option --config-value"],
    ])("%j exits 2: %s", (args, message) => {
        const run = tierguard(...(args as string[]));
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toContain(message);
    });
});
