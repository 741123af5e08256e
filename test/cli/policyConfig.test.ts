/**
 * Policy config is validated like the Pulumi CLI validates it, and stricter: a typo in a level, a
 * policy name or a setting is exit 2 before anything runs, naming the file, the key and the value —
 * never a weaker policy.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { benchPacks } from "../../bench/packs";
import { fixture, tierguard } from "./run";

const prod = "test/fixtures/stacks/shop-prod.json";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-policy-config-"));
let count = 0;
function configFile(content: string): string {
    const file = path.join(dir, `config-${++count}.json`);
    fs.writeFileSync(file, content);
    return file;
}

const typos: Array<[string, unknown, string[]]> = [
    ["a misspelt level for all", { all: "mandatroy" }, ['"all" = "mandatroy" is not a valid enforcement level', 'did you mean "mandatory"']],
    [
        "a level with a trailing space",
        { "no-admin-ports-from-internet": "Mandatory " },
        ['"no-admin-ports-from-internet" = "Mandatory " is not a valid enforcement level'],
    ],
    ["a level Pulumi does not have", { all: "off" }, ['"all" = "off" is not a valid enforcement level (advisory, mandatory, remediate, disabled)']],
    [
        "a misspelt policy name",
        { "no-admn-ports-from-internet": "mandatory" },
        ['"no-admn-ports-from-internet" is not a policy of this pack', 'did you mean "no-admin-ports-from-internet"'],
    ],
    [
        "an enforcementLevel that is not a level",
        { "no-admin-ports-from-internet": { enforcementLevel: "strict" } },
        ['"no-admin-ports-from-internet".enforcementLevel = "strict" is not a valid enforcement level'],
    ],
    [
        "a level of the wrong type",
        { "no-admin-ports-from-internet": 1 },
        ['"no-admin-ports-from-internet" = 1 must be an enforcement level or an object of settings'],
    ],
    [
        "an unknown setting",
        { "no-admin-ports-from-internet": { port: [22] } },
        ['"no-admin-ports-from-internet": config "port" is not a setting of this policy'],
    ],
    ["a setting of the wrong type", { "no-admin-ports-from-internet": { ports: "22" } }, ['"no-admin-ports-from-internet": config "ports"']],
];

describe.each([
    ["check", (file: string) => tierguard("check", fixture("configured"), "--stack", "prod", "--policy-pack-config", file)],
    ["scan", (file: string) => tierguard("scan", prod, "--policy-pack-config", file)],
])("%s refuses a config with", (_command, run) => {
    it.each(typos)("%s, naming file, key and value", (_what, content, expected) => {
        const file = configFile(JSON.stringify(content));
        const result = run(file);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`policy config ${file} is invalid, so nothing was checked`);
        for (const text of expected) expect(result.stderr).toContain(text);
        expect(result.stdout).toBe("");
        // check refuses a typo before the program runs (the program's output would be on stderr).
        expect(result.stderr).not.toContain("[program]");
    });
});

it("lists every problem of a file at once", () => {
    const file = configFile(JSON.stringify({ all: "mandatroy", "no-admn-ports-from-internet": "advisory" }));
    const result = tierguard("scan", prod, "--policy-pack-config", file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"all" = "mandatroy"');
    expect(result.stderr).toContain('"no-admn-ports-from-internet" is not a policy');
});

it("accepts every level Pulumi accepts and a UTF-8 byte-order mark", () => {
    for (const level of ["advisory", "mandatory", "remediate", "disabled"]) {
        const file = configFile(`\uFEFF${JSON.stringify({ all: level })}`);
        const result = tierguard("scan", prod, "--policy-pack-config", file, "--format", "json");
        expect(result.stderr).toBe("");
        expect([0, 1]).toContain(result.code);
    }
});

it("validates another pack's config against the policies and types it declares", () => {
    const noop = benchPacks().noop;
    const misspelt = tierguard(
        "scan",
        prod,
        "--policy-pack",
        noop,
        "--policy-pack-config",
        configFile(JSON.stringify({ "no-admn-ports-from-internet": "mandatory" })),
    );
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain('"no-admn-ports-from-internet" is not a policy of this pack');
    const level = tierguard(
        "check",
        fixture("configured"),
        "--stack",
        "prod",
        "--policy-pack",
        noop,
        "--policy-pack-config",
        configFile(JSON.stringify({ all: "off" })),
    );
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('"all" = "off" is not a valid enforcement level');
    expect(level.stderr).not.toContain("[program]");
});
