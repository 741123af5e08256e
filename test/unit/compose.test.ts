/**
 * Composition: `new Tierguard({...})` (policypack/compose.ts, the package's `tierguard/policies`) builds
 * the pack's policies with levels and settings, refuses what the pack's config validation refuses, and
 * is typed per policy from the policies' own config keys. The `@ts-expect-error` lines are checked by
 * `npm run typecheck` and the build (unit tests themselves run untyped).
 */
import * as fs from "fs";
import * as path from "path";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { Tierguard, TierguardArgs, TierguardSettings, tierguardPolicies, tierguardPolicyInfo, tierguardPolicyNames } from "../../policypack/compose";
import { policyDefinitions, stackPolicyDefinitions } from "../../policypack/policies";
import { REPO_ROOT } from "../repoRoot";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const registered = [...policyDefinitions, ...stackPolicyDefinitions];

function find(policies: Iterable<ResourceValidationPolicy | StackValidationPolicy>, name: string) {
    const policy = [...policies].find((p) => p.name === name);
    if (!policy) throw new Error(`no policy ${name}`);
    return policy;
}

/** Runs a resource policy as the SDK does, with the config the engine sent (none by default). */
function validate(policy: ResourceValidationPolicy | StackValidationPolicy, props: object, config: object = {}): string[] {
    const messages: string[] = [];
    const args = { type: SG, name: "web", urn: `urn:pulumi:dev::app::${SG}::web`, props, getConfig: () => config };
    const report = (violation: unknown) => messages.push(typeof violation === "string" ? violation : (violation as { message: string }).message);
    const run = (policy as ResourceValidationPolicy).validateResource as (args: unknown, report: unknown) => void;
    run(args, report);
    return messages;
}

const wide = { ingress: [{ protocol: "tcp", fromPort: 8000, toPort: 8049, cidrBlocks: ["10.0.0.0/8"], description: "app" }] };

describe("new Tierguard(...)", () => {
    it("is every registered policy, at its own level, as an array of @pulumi/policy policies", () => {
        const policies = new Tierguard();
        expect(Array.isArray(policies)).toBe(true);
        expect(policies.map((p) => p.name)).toEqual(registered.map((d) => d.name));
        expect(policies.map((p) => p.enforcementLevel)).toEqual(registered.map((d) => d.enforcementLevel));
        expect(policies.map((p) => p.name)).toEqual([...tierguardPolicyNames]);
        expect([...new Tierguard()].length).toBe(registered.length);
        expect(policies.filter(() => true)).not.toBeInstanceOf(Tierguard);
    });

    it("applies all, then each policy's own level", () => {
        const policies = new Tierguard({ all: "advisory", "internet-exposure": "mandatory", "tier-isolation": { enforcementLevel: "disabled" } });
        expect(find(policies, "internet-exposure").enforcementLevel).toBe("mandatory");
        expect(find(policies, "tier-isolation").enforcementLevel).toBe("disabled");
        expect(find(policies, "no-admin-ports-from-internet").enforcementLevel).toBe("advisory");
    });

    it("makes settings the policy's defaults: in its config schema and in what its check reads", () => {
        expect(validate(find(new Tierguard(), "no-wide-ingress-port-ranges"), wide)).toEqual([]);
        const tight = find(new Tierguard({ "no-wide-ingress-port-ranges": { maxPorts: 20 } }), "no-wide-ingress-port-ranges");
        expect(tight.configSchema?.properties.maxPorts.default).toBe(20);
        expect(tight.enforcementLevel).toBe("advisory");
        expect(validate(tight, wide).join("\n")).toContain("opens 50 ports, more than the 20 allowed");
        // The stack's policy config still wins, key by key, as over any default.
        expect(validate(tight, wide, { maxPorts: 100 })).toEqual([]);
    });

    it("applies exemptions given in code", () => {
        const ssh = { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" }] };
        expect(validate(find(new Tierguard(), "no-admin-ports-from-internet"), ssh)).toHaveLength(1);
        const exempt = new Tierguard({ "no-admin-ports-from-internet": { exemptions: [{ resource: "web", reason: "break-glass bastion" }] } });
        expect(validate(find(exempt, "no-admin-ports-from-internet"), ssh)).toEqual([]);
    });

    it("leaves the pack's own policies untouched", () => {
        new Tierguard({ all: "disabled", "no-wide-ingress-port-ranges": { maxPorts: 20 } });
        const fresh = find(tierguardPolicies(), "no-wide-ingress-port-ranges");
        expect(fresh.enforcementLevel).toBe("advisory");
        expect(fresh.configSchema?.properties.maxPorts.default).toBe(100);
    });

    const refused: Array<[string, unknown, string[]]> = [
        ["a misspelt policy", { "internet-exposre": "mandatory" }, ['"internet-exposre" is not a tierguard policy (did you mean "internet-exposure"?)']],
        [
            "a misspelt setting",
            { "no-wide-ingress-port-ranges": { maxPort: 20 } },
            [
                '"no-wide-ingress-port-ranges".maxPort (did you mean "maxPorts"?) is not a setting of this policy (its settings: maxPorts, unknownValues, exemptions)',
            ],
        ],
        [
            "an invalid value",
            { "no-wide-ingress-port-ranges": { maxPorts: 0 } },
            ['"no-wide-ingress-port-ranges".maxPorts: 0 is not a whole number from 1 to 65536'],
        ],
        ["an invalid port", { "internet-exposure": { adminPorts: [22, "8000..8100"] } }, ['"internet-exposure".adminPorts: item [1] = "8000..8100"']],
        [
            "an invalid CIDR",
            { "database-ingress-from-security-groups-only": { allowedCidrs: ["10.0.0.0/33"] } },
            ['"database-ingress-from-security-groups-only".allowedCidrs: item [0]'],
        ],
        [
            "an exemption without a reason",
            { "tier-isolation": { exemptions: [{ resource: "db" }] } },
            ['"tier-isolation".exemptions[0] for "db" has no reason'],
        ],
        ["an unknown level", { all: "warn" }, ['"all" = "warn" is not an enforcement level']],
        ["remediate", { "internet-exposure": "remediate" }, ["no tierguard policy remediates"]],
        ["a policy entry of the wrong type", { "tier-isolation": 3 }, ['"tier-isolation" = 3 must be an enforcement level or an object of settings']],
    ];
    it.each(refused)("refuses %s, naming it", (_, args, expected) => {
        expect(() => new Tierguard(args as TierguardArgs)).toThrow();
        try {
            new Tierguard(args as TierguardArgs);
        } catch (error) {
            for (const text of expected) expect((error as Error).message).toContain(text);
        }
    });

    it("lists every problem at once", () => {
        expect(() => tierguardPolicies({ all: "warn", "no-wide-ingress-port-ranges": { maxPorts: -1 } } as unknown as TierguardArgs)).toThrow(
            /"all" = "warn"[\s\S]*maxPorts: -1/,
        );
    });
});

describe("the README's section", () => {
    it("shows the error new Tierguard throws, word for word", () => {
        const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
        const shown = /```\n\s*(tierguard: invalid policy settings[^`]*)```/.exec(readme)![1].trimEnd().split("\n");
        let thrown = "";
        try {
            new Tierguard({ "internet-exposre": "mandatory", "no-wide-ingress-port-ranges": { maxPorts: 0 } } as unknown as TierguardArgs);
        } catch (error) {
            thrown = (error as Error).message;
        }
        const lines = thrown.split("\n");
        expect(shown.map((l) => l.trim())).toEqual(lines.map((l) => l.trim().replace(/\(its policies: ([^,]+), .*\)$/, "(its policies: $1, ...)")));
    });
});

describe("tierguardPolicyInfo", () => {
    it("names and describes every policy with its settings and their defaults", () => {
        expect(tierguardPolicyInfo.map((p) => p.name)).toEqual(registered.map((d) => d.name));
        const wideInfo = tierguardPolicyInfo.find((p) => p.name === "no-wide-ingress-port-ranges")!;
        expect(wideInfo.kind).toBe("resource");
        expect(wideInfo.description).toContain("maxPorts");
        expect(wideInfo.settings.maxPorts.default).toBe(100);
        expect(Object.keys(wideInfo.settings)).toEqual(["maxPorts", "unknownValues", "exemptions"]);
        expect(tierguardPolicyInfo.find((p) => p.name === "tier-isolation")!.kind).toBe("stack");
    });
});

describe("the settings' types (checked by tsc)", () => {
    it("follow each policy's config keys", () => {
        const ok: TierguardArgs = {
            all: "mandatory",
            "no-wide-ingress-port-ranges": { maxPorts: 20, unknownValues: "mandatory" },
            "internet-exposure": { adminPorts: [22, "8000-8100"], enforcementLevel: "advisory" },
            "tier-isolation": { flows: [["internet", "public"]], allowSameTier: false, exemptions: [{ resource: "db", reason: "r", expires: "2030-01-01" }] },
            "database-ingress-from-security-groups-only": { allowedCidrs: ["10.0.0.0/8"] },
        };
        const maxPorts: TierguardSettings<"no-wide-ingress-port-ranges">["maxPorts"] = 5;
        const bad: TierguardArgs[] = [
            // @ts-expect-error a misspelt policy
            { "internet-exposre": "mandatory" },
            // @ts-expect-error a misspelt setting
            { "no-wide-ingress-port-ranges": { maxPort: 20 } },
            // @ts-expect-error a setting of the wrong type
            { "no-wide-ingress-port-ranges": { maxPorts: "20" } },
            // @ts-expect-error a port range spelt otherwise
            { "internet-exposure": { adminPorts: ["8000..8100"] } },
            // @ts-expect-error another policy's setting
            { "tier-isolation": { maxPorts: 20 } },
            // @ts-expect-error remediate
            { all: "remediate" },
            // @ts-expect-error an exemption without a reason
            { "tier-isolation": { exemptions: [{ resource: "db" }] } },
        ];
        expect(tierguardPolicies(ok)).toHaveLength(registered.length);
        expect(maxPorts).toBe(5);
        expect(bad).toHaveLength(7);
    });
});
