/**
 * A scan keeps each stack's Markdown graph only while the graphs together fit the comment: past that the
 * comment leaves every graph out anyway, so stand-ins (scan.ts's GRAPH_LEFT_OUT) give the same comment.
 */
import { MARKDOWN_BUDGET, markdownReport } from "../../cli/report/markdown";
import { JudgedReport } from "../../cli/report/checkReport";
import { GRAPH_LEFT_OUT } from "../../cli/scan/scan";

function report(stack: string): JudgedReport {
    return {
        program: `${stack}.json`,
        project: "shop",
        stack,
        stackUrn: `urn:pulumi:${stack}::shop::pulumi:pulumi:Stack::shop-${stack}`,
        mode: "update",
        outcome: { status: "completed" },
        violations: [
            {
                policy: "no-admin-ports-from-internet",
                enforcementLevel: "mandatory",
                severity: "high",
                urn: `urn:pulumi:${stack}::shop::aws:ec2/securityGroup:SecurityGroup::web-sg`,
                resourceType: "aws:ec2/securityGroup:SecurityGroup",
                resourceName: "web-sg",
                message: "SSH from 0.0.0.0/0",
            },
        ],
        resources: 4,
        unchecked: [],
        components: [],
        offline: [],
        policies: [],
        graphBasis: { internet: {} as JudgedReport["graphBasis"]["internet"], edgesKnown: true },
        sources: {},
    };
}

it("a Markdown comment whose graphs are over the budget is the same with stand-ins for them", () => {
    const reports = ["a", "b", "c"].map(report);
    const graphs = reports.map((_, i) => `flowchart LR\n    n${i}["${"x".repeat(MARKDOWN_BUDGET / 2)}"]`);
    const full = markdownReport(reports, graphs);
    expect(full).toContain("the 3 network graphs were left out");
    const kept = markdownReport(
        reports,
        graphs.map(() => GRAPH_LEFT_OUT),
        undefined,
        { graphsOverBudget: true },
    );
    expect(kept).toBe(full);
});
