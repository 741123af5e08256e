/**
 * The hand-written package schema (components/provider/schema.ts) against the component's own
 * validation: every argument key ThreeTierSecurityGroups accepts appears in the schema at the matching
 * place, and the schema offers no key the component refuses. The keys are not listed here: they are
 * captured from the component's own `refuseUnknownKeys` calls while it plans a full set of arguments,
 * so a key added to the component without the schema (or the reverse) fails this test.
 * WIP: TieredSecurityGroups is not in the schema yet.
 */
import * as validation from "../../components/validation";
import { planThreeTier, ThreeTierSecurityGroupsArgs } from "../../components/threeTierSecurityGroups";
import { ObjectTypeSpec, THREE_TIER_TOKEN, TypeSpec, packageSchema, typeToken } from "../../components/provider/schema";

/** Arguments that use every part of the API, so every validator runs. */
const FULL: ThreeTierSecurityGroupsArgs = {
    vpcId: "vpc-1",
    loadBalancer: { ports: [443, { from: 8000, to: 8100 }], http: true, quic: true, cidrs: ["0.0.0.0/0"] },
    web: { port: 8080 },
    app: { port: 9000 },
    database: { port: 5432 },
    admin: { cidrs: ["203.0.113.10/32"], port: 22, tiers: ["web"] },
    egress: {
        loadBalancer: [{ cidrs: ["10.0.0.0/8"], protocol: "tcp", ports: [443], description: "health" }],
        web: [{ cidrs: ["0.0.0.0/0"], protocol: "tcp", ports: [443], description: "updates" }],
        app: [{ cidrs: ["0.0.0.0/0"], protocol: "tcp", ports: [443], description: "APIs" }],
        database: [{ cidrs: ["10.0.0.0/8"], protocol: "icmp", description: "ping" }],
    },
    tags: { team: "shop" },
};

/** Each place the component checks keys (its `where`) and the keys it accepts there, in call order. */
function acceptedKeys(): Array<{ where: string; known: string[] }> {
    const spy = jest.spyOn(validation, "refuseUnknownKeys");
    try {
        planThreeTier("ThreeTierSecurityGroups test", FULL);
        return spy.mock.calls.map(([, where, known]) => ({ where, known: [...known] }));
    } finally {
        spy.mockRestore();
    }
}

const schema = packageSchema("0.0.0-test");
const resource = schema.resources[THREE_TIER_TOKEN];

function typeOf(spec: TypeSpec | undefined, where: string): ObjectTypeSpec {
    const token = spec?.$ref?.replace(/^#\/types\//, "") ?? spec?.items?.$ref?.replace(/^#\/types\//, "");
    const type = token === undefined ? undefined : schema.types[token];
    if (!type) throw new Error(`schema: ${where} is no object type (${JSON.stringify(spec)})`);
    return type;
}

/** The schema's properties at the place the component calls `where`. */
function schemaPropertiesAt(where: string): Record<string, TypeSpec> {
    if (where === "") return resource.inputProperties;
    if (["loadBalancer", "web", "app", "database", "admin"].includes(where)) return typeOf(resource.inputProperties[where], where).properties;
    const egress = /^egress\.(\w+)\[\d+\]$/.exec(where);
    if (egress) return typeOf(typeOf(resource.inputProperties.egress, "egress").properties[egress[1]], where).properties;
    throw new Error(`the component checks keys at "${where}", which this test does not map to the schema yet`);
}

describe("the package schema of ThreeTierSecurityGroups", () => {
    const calls = acceptedKeys();

    it("sees the component check keys at every level (the capture works)", () => {
        expect(calls.map((c) => c.where)).toEqual(expect.arrayContaining(["", "loadBalancer", "web", "app", "database", "admin", "egress.web[0]"]));
    });

    it.each(calls.map((c) => [c.where || "(top level)", c] as const))("has exactly the keys the component accepts at %s", (_, { where, known }) => {
        expect(Object.keys(schemaPropertiesAt(where)).sort()).toEqual([...known].sort());
    });

    it("has an egress list for exactly the tiers the component plans", () => {
        const tiers = Object.keys(planThreeTier("ThreeTierSecurityGroups test", FULL).tiers).sort();
        expect(Object.keys(typeOf(resource.inputProperties.egress, "egress").properties).sort()).toEqual(tiers);
    });

    it("requires what the component cannot do without, and outputs what it registers", () => {
        expect(resource.requiredInputs.sort()).toEqual(["database", "vpcId", "web"]);
        expect(Object.keys(resource.properties)).toEqual(["securityGroupIds"]);
    });

    it("resolves every $ref inside the schema", () => {
        const refs = JSON.stringify(schema).match(/"\$ref":"[^"]+"/g) ?? [];
        for (const r of refs) {
            const token = JSON.parse(`{${r}}`).$ref.replace(/^#\/types\//, "");
            expect(schema.types[token]).toBeDefined();
        }
        expect(schema.types[typeToken("PortRange")].required).toEqual(["from", "to"]);
    });
});
