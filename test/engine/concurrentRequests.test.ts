/**
 * Work shared between the policies of a request, over the engine protocol: the pack builds one graph
 * per AnalyzeStack (and one rule model per Analyze) and lends it to every policy; requests in flight
 * together, with the same URNs but different properties, must each still get their own verdict. (Each
 * stack policy's own verdicts are its examples', run by test/engine/policyExamples.test.ts.)
 */
import { Diagnostic, PACK_DIR, PackProcess } from "../../cli/engine/packProcess";
import { ExampleResource, MODES, Mode, buildStack, ref } from "../../policypack/kit/examples";
import { database, dbSg, lbSg, securityGroup, subnet, tcpFrom, vpc, webServer, webSg } from "../../policypack/kit/exampleParts";

let pack: PackProcess;
beforeAll(async () => {
    // As the Pulumi CLI starts it: without the preload tierguard's own runs add.
    pack = await PackProcess.start(PACK_DIR, 30000, { asPulumiStartsIt: true });
});
afterAll(async () => {
    await pack?.stop();
});
beforeEach(() => pack.configure({}));

const analyze = (declared: ExampleResource[], mode: Mode) => pack.analyzeStack(buildStack(declared, mode));
const of = (ds: Diagnostic[], policy: string) => ds.filter((d) => d.policyName === policy);
const names = (ds: Diagnostic[]) => ds.map((d) => d.urn.split("::").pop()).sort();

const sshSg = (open: boolean) => securityGroup("ssh-sg", [tcpFrom(22, { cidrBlocks: [open ? "0.0.0.0/0" : "203.0.113.7/32"] })]);
const stackWith = (open: boolean) => [vpc, subnet, lbSg, webSg, dbSg, sshSg(open), webServer([ref("web-sg"), ref("ssh-sg")]), database([ref("db-sg")])];

it.each(MODES)("keeps concurrent AnalyzeStack requests apart (%s)", async (mode) => {
    const [open, closed, openAgain] = await Promise.all([analyze(stackWith(true), mode), analyze(stackWith(false), mode), analyze(stackWith(true), mode)]);
    expect(names(of(open, "tier-isolation"))).toEqual(["web"]);
    expect(of(closed, "tier-isolation")).toEqual([]);
    expect(openAgain).toEqual(open);
});

it("keeps concurrent Analyze requests for the same URN apart", async () => {
    const [open, closed] = await Promise.all(
        [true, false].map((isOpen) => {
            const group = buildStack([vpc, sshSg(isOpen)], "update").find((r) => r.name === "ssh-sg")!;
            return pack.analyze(group);
        }),
    );
    expect(of(open, "no-admin-ports-from-internet")).toHaveLength(1);
    expect(of(closed, "no-admin-ports-from-internet")).toEqual([]);
});
