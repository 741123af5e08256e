/** The command line as util.parseArgs reads it, with tierguard's own words for every mistake. */
import { parseCommandLine } from "../../cli/commandLine";

it("reads every option, long values after = or as the next argument, -c repeated", () => {
    const line = parseCommandLine([
        "check",
        "dir",
        "--mode=update",
        "--format",
        "json",
        "--graph",
        "dot",
        "--config",
        "c.json",
        "--policy-pack",
        "pack",
        "--stack",
        "org/p/s",
        "-c",
        "a=b",
        "--config-value=k=v",
        "--timeout",
        "1.5",
        "--fail-on-unchecked",
        "-h",
    ]);
    expect(line).toEqual({
        command: "check",
        programDir: "dir",
        targets: ["dir"],
        mode: "update",
        format: "json",
        graph: "dot",
        configFile: "c.json",
        policyPack: "pack",
        stack: "org/p/s",
        overrides: ["a=b", "k=v"],
        timeoutSeconds: 1.5,
        failOnUnchecked: true,
        help: true,
    });
    expect(parseCommandLine(["scan", "a.json", "dir"])).toMatchObject({
        command: "scan",
        programDir: "a.json",
        targets: ["a.json", "dir"],
        mode: "preview",
        format: "text",
        timeoutSeconds: 600,
    });
});

it("takes a value that starts with a dash as the value, and judges it", () => {
    expect(parseCommandLine(["check", "d", "-c", "-x"]).overrides).toEqual(["-x"]);
    expect(() => parseCommandLine(["check", "d", "--timeout", "-5"])).toThrow(
        '--timeout takes a number of seconds greater than 0 and at most 2147483 (about 24 days), got "-5"',
    );
    expect(() => parseCommandLine(["check", "d", "--mode", "--help"])).toThrow('--mode must be preview or update, got "--help"');
});

it.each([
    [["check", "d", "--bogus"], "unknown option --bogus"],
    [["check", "d", "--bogus=1"], "unknown option --bogus=1"],
    [["check", "d", "-x"], "unknown option -x"],
    [["check", "d", "-hc", "a"], "unknown option -hc"],
    [["check", "d", "-c=x"], "unknown option -c=x"],
    [["check", "d", "--"], "unknown option --"],
    [["check", "d", "-"], "unknown option -"],
    [["check", "d", "--mode"], "--mode needs a value"],
    [["check", "d", "-c"], "-c needs a value"],
    [["check", "d", "--format", "xml"], '--format must be text, json, sarif or markdown, got "xml"'],
    [["check", "d", "--graph", "svg"], '--graph must be mermaid or dot, got "svg"'],
    [["check", "d", "--mode", "bad", "--mode", "update"], '--mode must be preview or update, got "bad"'],
    [["check", "d", "extra"], "unexpected argument extra"],
])("%j: %s", (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
});
