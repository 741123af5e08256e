import { CheckReport } from "../../cli/report/checkReport";
import { SecretRedactor, redactReport, secretsOf } from "../../cli/report/secrets";
import { SECRET_SIG, SIG_KEY } from "../../policypack/model/sentinels";

describe("SecretRedactor", () => {
    it("replaces whole tokens only", () => {
        const r = new SecretRedactor(["22", "10.0.0.0/8"]);
        expect(r.redact("port 22 from 10.0.0.0/8: ingress[22]")).toBe("port [secret] from [secret]: ingress[[secret]]");
        expect(r.redact("port 2222 and 122 and 22a from 10.0.0.0/80")).toBe("port 2222 and 122 and 22a from 10.0.0.0/80");
    });
    it("prefers the longest secret at a position", () => {
        const r = new SecretRedactor(["abc", "abc def"]);
        expect(r.redact("x abc def y abc")).toBe("x [secret] y [secret]");
    });
    it("knows the spellings a message uses: canonical CIDRs and JSON-escaped text", () => {
        const r = new SecretRedactor(["10.1.2.3/8", 'pa"ss\\word']);
        expect(r.redact("from 10.1.2.3/8 (= 10.0.0.0/8)")).toBe("from [secret] (= [secret])");
        expect(r.redact('description = "pa\\"ss\\\\word"')).toBe('description = "[secret]"');
    });
    it("ignores empty secrets and leaves text alone without secrets", () => {
        expect(new SecretRedactor([" ", ""]).empty).toBe(true);
        expect(new SecretRedactor([]).redact("port 22")).toBe("port 22");
    });
    it("collects every scalar inside secret envelopes of inputs and outputs, but not booleans", () => {
        const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });
        const r = secretsOf({
            project: "p",
            stack: "s",
            stackUrn: "urn",
            resources: [
                {
                    urn: "u",
                    type: "t",
                    name: "n",
                    custom: true,
                    remote: false,
                    inputs: { a: secret(["1.2.3.4/32", { port: 8443, on: true }]), b: "plain" },
                    outputs: { c: secret("out-secret") },
                    dependencies: [],
                    propertyDependencies: {},
                },
            ],
        });
        expect(r.redact("1.2.3.4/32 8443 true plain out-secret")).toBe("[secret] [secret] true plain [secret]");
    });
    it("redacts a finding's exposure reason like its message (it names resources and hops)", () => {
        const violation = {
            policy: "no-admin-ports-from-internet",
            enforcementLevel: "mandatory" as const,
            severity: "critical",
            urn: "urn:pulumi:dev::p::aws:ec2/securityGroup:SecurityGroup::sg",
            resourceType: "aws:ec2/securityGroup:SecurityGroup",
            resourceName: "sg",
            message: "sg ingress[0] allows TCP port 22 from 0.0.0.0/0",
            rule: "ingress[0]",
            exposure: "latent" as const,
            exposureReason: '"hidden-box": it has no public IP (subnet "hidden-subnet" does not set mapPublicIpOnLaunch)',
        };
        const report = { violations: [violation], outcome: { status: "completed" } } as unknown as CheckReport;
        const [redacted] = redactReport(report, new SecretRedactor(["hidden-subnet"])).violations;
        expect(redacted.exposureReason).toBe('"hidden-box": it has no public IP (subnet "[secret]" does not set mapPublicIpOnLaunch)');
        expect(redacted.exposure).toBe("latent");
    });
});
