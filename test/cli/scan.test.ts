/** `tierguard scan` of stack exports and preview JSON (the organisation-scan issue, first part). */
import { CliRun, tierguard } from "./run";

expect.extend(require("@microsoft/jest-sarif"));

/** `tierguard scan` with these arguments, run once however many tests assert its report. */
const runs = new Map<string, CliRun>();
function scan(...args: string[]): CliRun {
    const key = JSON.stringify(args);
    if (!runs.has(key)) runs.set(key, tierguard("scan", ...args));
    return runs.get(key)!;
}
/** Three stacks and two bad files, so two packs interleave and errors sit among the reports. */
const MIXED = ["test/fixtures/stacks", "test/fixtures/stacks-bad", "test/fixtures/stacks/shop-prod.json"];

interface ScanJson {
    stacks: Array<{
        stack: string;
        file: string;
        violations: Array<Record<string, string>>;
        summary: { mandatory: number; advisory: number; resources: number };
    }>;
    summary: {
        mandatory: number;
        advisory: number;
        resources: number;
        resourcesWithViolations: number;
        findings: { mandatory: number; advisory: number };
        stacks: number;
        failedFiles: number;
    };
    errors: Array<{ file: string; message: string }>;
}

const pairs = (s: ScanJson["stacks"][number]) => [...new Set(s.violations.map((v) => `${v.policy} @ ${v.resourceName}`))].sort();

it("scans a directory of exports and previews, one report per stack", () => {
    const run = tierguard("scan", "test/fixtures/stacks", "--format", "json");
    expect(run.code).toBe(1);
    const report: ScanJson = JSON.parse(run.stdout);
    expect(report.stacks.map((s) => s.stack)).toEqual(["dev", "prod", "staging"]);
    const [dev, prod, staging] = report.stacks;
    expect(dev.violations).toEqual([]);
    expect(pairs(prod)).toEqual(
        [
            "database-not-publicly-accessible @ db",
            // Cannot verify (advisory): neither names a subnet, so whether the internet reaches it today is unknown.
            "internet-exposure @ db",
            "internet-exposure @ web-0",
            "internet-ingress-only-on-allowed-ports @ web-sg",
            "no-admin-ports-from-internet @ web-sg",
            "tier-isolation @ db",
            "tier-isolation @ web-0",
        ].sort(),
    );
    expect(pairs(staging)).toContain("no-admin-ports-from-internet @ admin");
    // mandatory/advisory count policy violations (SSH open on web-sg breaks two policies); findings count mistakes.
    expect(report.summary).toEqual({
        mandatory: 7,
        advisory: 3,
        resources: 7,
        resourcesWithViolations: 4,
        findings: { mandatory: 5, advisory: 1 },
        exempted: 0,
        stacks: 3,
        failedFiles: 0,
    });
});

it("names malformed and foreign files, scans the rest, and exits 2", () => {
    // The --jobs 1 JSON run of the test below.
    const run = scan(...MIXED, "--format", "json", "--jobs", "1");
    expect(run.code).toBe(2);
    const report: ScanJson = JSON.parse(run.stdout);
    expect(report.stacks.map((s) => s.stack)).toEqual(["dev", "prod", "staging"]);
    expect(report.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(/foreign\.json: not a Pulumi stack export/),
        expect.stringMatching(/truncated\.json: not valid JSON/),
    ]);
    expect(run.stderr).toContain("could not scan");
});

it("prints a text report per stack", () => {
    const run = tierguard("scan", "test/fixtures/stacks/shop-prod.json");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("tierguard scan test/fixtures/stacks/shop-prod.json (project shop, stack prod, update mode)");
    expect(run.stdout).toContain("Summary: 3 resources with violations; 4 analysed; 4 findings (4 mandatory, 0 advisory) from 7 policy violations.");
    expect(run.stdout).toContain("The same rule also breaks: internet-ingress-only-on-allowed-ports (mandatory).");
});

it("prints a pull-request comment with --format markdown", () => {
    const run = tierguard("scan", "test/fixtures/stacks", "--format", "markdown");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("| stack | mandatory findings | advisory findings | resources with violations | resources analysed | not checked |");
    expect(run.stdout).toContain("| shop/prod | **4** | 0 | 3 | 4 | 0 |");
    expect(run.stdout).toContain("<b>db</b> <code>aws:rds/instance:Instance</code> — 2 findings");
    expect(run.stdout).toContain("🛑 **mandatory** `database-not-publicly-accessible` (critical)");
});

it("gives byte-identical reports with --jobs 1 and --jobs 2: stacks in file order, same verdicts, same errors", () => {
    for (const format of [["--format", "json"], ["--format", "sarif"], ["--format", "markdown"], [], ["--graph", "mermaid"], ["--graph", "dot"]]) {
        const one = scan(...MIXED, ...format, "--jobs", "1");
        const two = scan(...MIXED, ...format, "--jobs", "2");
        expect(one.code).toBe(2);
        expect(two).toMatchObject({ code: one.code, stdout: one.stdout, stderr: one.stderr });
        expect(one.stdout.length).toBeGreaterThan(100);
    }
}, 120_000);

it("--format sarif is valid SARIF, located in the scanned files", () => {
    // The --jobs 1 SARIF run of the test above (the bad files give no results; shop-prod.json, named twice, is scanned once).
    const sarif = JSON.parse(scan(...MIXED, "--format", "sarif", "--jobs", "1").stdout);
    (expect(sarif) as any).toBeValidSarifLog();
    const uris = new Set(sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(["test/fixtures/stacks/shop-prod.json", "test/fixtures/stacks/shop-staging.preview.json"]);
});
