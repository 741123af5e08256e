/**
 * No secret value in any report: a secret CIDR, a secret port and a secret config value read as plain
 * text (check), and `--show-secrets` plaintext in an export (scan), appear as [secret] in every format —
 * while the verdicts still use them.
 */
import { CliRun, fixture, tierguard } from "./run";

/** One run per distinct command line: a test that asserts more of the same run's output reuses it. */
const runs = new Map<string, CliRun>();
function once(...args: string[]): CliRun {
    const key = JSON.stringify(args);
    if (!runs.has(key)) runs.set(key, tierguard(...args));
    return runs.get(key)!;
}

const FORMATS = [
    ["--format", "text"],
    ["--format", "json"],
    ["--format", "sarif"],
    ["--format", "markdown"],
    ["--graph", "mermaid"],
    ["--graph", "dot"],
];

describe("check", () => {
    const secrets = ["0.0.0.0/1", "128.0.0.0/1", "15432"];
    it.each(FORMATS)("%s %s shows no secret value, still fails on it", (flag, value) => {
        const run = once("check", fixture("secret-values"), flag, value);
        expect(run.code).toBe(1);
        for (const secret of secrets) {
            expect(run.stdout).not.toContain(secret);
            expect(run.stderr).not.toContain(secret);
        }
        expect(run.stdout).toContain("[secret]");
    });
    it("masks secret config in the program's own output, as the Pulumi CLI does", () => {
        // The text report is the default: the same run as --format text above.
        const run = once("check", fixture("secret-values"), "--format", "text");
        expect(run.stderr).toContain("[program] opening RDP from [secret]");
        expect(run.stdout).toContain("rdp-sg ingress[0] allows TCP port 3389 from [secret]");
        expect(run.stdout).toContain("TCP port [secret] is open from the internet");
        // Not a secret: shown as it is.
        expect(run.stdout).toContain("from 0.0.0.0/0");
    });
});

describe("scan", () => {
    const file = "test/fixtures/stacks-secret/vault-prod.json";
    it.each(FORMATS)("%s %s shows no --show-secrets plaintext, still fails on it", (flag, value) => {
        const run = once("scan", file, flag, value);
        expect(run.code).toBe(1);
        for (const secret of ["0.0.0.0/2", "64.0.0.0/2"]) {
            expect(run.stdout).not.toContain(secret);
            expect(run.stderr).not.toContain(secret);
        }
    });
    it("says which rule broke which policy, with the secret peer hidden", () => {
        const run = once("scan", file, "--format", "json");
        const violations = JSON.parse(run.stdout).stacks[0].violations as Array<{ policy: string; resourceName: string; message: string }>;
        const admin = violations.filter((v) => v.policy === "no-admin-ports-from-internet").map((v) => [v.resourceName, v.message.split(":")[0]]);
        expect(admin.sort()).toEqual([
            ["rdp-sg", "rdp-sg ingress[0] allows TCP port [secret] from [secret]"],
            ["ssh-sg", "ssh-sg ingress[0] allows TCP port 22 from [secret]"],
        ]);
    });
});
