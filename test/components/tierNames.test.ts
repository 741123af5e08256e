/**
 * Tier names are keys of the components' tables and outputs: they must be plain identifiers, and
 * never a member every object has (`constructor`, `toString`, `__proto__`, ...), which a plain
 * object would answer for even when no such tier exists.
 */
import { ThreeTierSecurityGroups, TieredSecurityGroups } from "../../components";
import { PROTOTYPE_NAMES } from "../hardeningCases";
import { ruleLines, run } from "./harness";

/** Builds a component inside the harness; returns what it threw and the types it registered. */
async function refused(build: () => void): Promise<{ message: string; types: string[] }> {
    let thrown: unknown;
    const capture = await run(() => {
        try {
            build();
        } catch (error) {
            thrown = error;
        }
    });
    return { message: (thrown as Error | undefined)?.message ?? "(nothing thrown)", types: capture.resources.map((r) => r.type) };
}

const tiered =
    (tiers: unknown, flows: unknown[] = [], egress?: unknown[]) =>
    () =>
        new TieredSecurityGroups("t", { vpcId: "vpc-1", tiers, flows, ...(egress ? { egress } : {}) } as never);

describe("TieredSecurityGroups tier names", () => {
    // JSON.parse: "__proto__" as an own key, the way configuration files and YAML-loaded arguments carry it.
    it.each([...PROTOTYPE_NAMES, "isPrototypeOf", "__defineGetter__"])("refuses the tier name %s, naming the argument and value", async (name) => {
        const { message, types } = await refused(tiered(JSON.parse(`{ "web": { "role": "web" }, "${name}": { "role": "data" } }`)));
        expect(message).toContain(`tiers["${name}"]`);
        expect(message).toMatch(new RegExp(`"${name}" is a member every JavaScript object has|a tier name is a plain identifier`));
        expect(types).toEqual(["pulumi:pulumi:Stack"]);
    });

    it("says why for a member of Object.prototype", async () => {
        const { message } = await refused(tiered({ web: { role: "web" }, constructor: { role: "data" } }));
        expect(message).toContain('tiers["constructor"]: "constructor" is a member every JavaScript object has (Object.prototype.constructor)');
    });

    it.each(["web tier", "1web", "web.tier", "wéb", "-web", "_web", "a".repeat(64), "internet"])("refuses %j: not a plain identifier", async (name) => {
        const { message, types } = await refused(tiered({ [name]: { role: "web" } }));
        expect(message).toContain(
            `tiers["${name}"]: a tier name is a plain identifier: a letter, then letters, digits, "-" or "_" (at most 63 characters), and not "internet"`,
        );
        expect(types).toEqual(["pulumi:pulumi:Stack"]);
    });

    it.each(["toString", "constructor", "hasOwnProperty"])("a flow to or from %s is not a tier when no such tier exists", async (name) => {
        const to = await refused(tiered({ web: { role: "web" } }, [{ from: "web", to: name, protocol: "tcp", ports: 8080, description: "x" }]));
        expect(to.message).toContain(`flows[0].to = "${name}" is not a tier (tiers: web)`);
        const from = await refused(tiered({ web: { role: "web" } }, [{ from: name, to: "web", protocol: "tcp", ports: 8080, description: "x" }]));
        expect(from.message).toContain(`flows[0].from = "${name}" is not a tier, "internet" or { cidrs } (tiers: web)`);
        const egress = await refused(
            tiered({ web: { role: "web" } }, [], [{ from: name, to: { cidrs: ["10.0.0.0/8"] }, protocol: "tcp", ports: 443, description: "x" }]),
        );
        expect(egress.message).toContain(`egress[0].from = "${name}" is not a tier`);
    });

    it("still accepts plain identifiers with digits, '-' and '_', and builds them", async () => {
        const capture = await run(() => {
            new TieredSecurityGroups("ok", {
                vpcId: "vpc-1",
                tiers: { edge_1: { role: "public" }, "api-v2": { role: "app" } },
                flows: [{ from: "edge_1", to: "api-v2", protocol: "tcp", ports: 9000, description: "api" }],
            });
        });
        expect(ruleLines(capture, "ok")).toEqual(["api-v2 ingress tcp 9000 from sg:edge_1: api", "edge_1 egress tcp 9000 to sg:api-v2: api"]);
    });
});

describe("ThreeTierSecurityGroups egress keys", () => {
    it.each(["constructor", "toString", "__proto__"])("refuses egress for the tier %s, which does not exist", async (name) => {
        const { message, types } = await refused(
            () =>
                new ThreeTierSecurityGroups("s", {
                    vpcId: "vpc-1",
                    web: { port: 8080 },
                    database: { port: 5432 },
                    egress: JSON.parse(`{ "${name}": [ { "cidrs": ["0.0.0.0/0"], "protocol": "tcp", "ports": 443, "description": "x" } ] }`),
                }),
        );
        expect(message).toContain(`egress.${name}: there is no ${name} tier (tiers: loadBalancer, web, database)`);
        expect(types).toEqual(["pulumi:pulumi:Stack"]);
    });
});
