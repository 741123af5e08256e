/**
 * The hand-written package schema (components/provider/schema.ts) against the components' own
 * validation: every argument key ThreeTierSecurityGroups and TieredSecurityGroups accept appears in the
 * schema at the matching place, and the schema offers no key a component refuses. The keys are not
 * listed here: they are captured from the components' own `refuseUnknownKeys` calls while they plan a
 * full set of arguments, so a key added to a component without the schema (or the reverse) fails here.
 * The keys of a { from, to } range and of { type, code } are the component's PORT_RANGE_KEYS and
 * ICMP_TYPE_KEYS, which its port readers refuse anything outside of.
 */
import * as validation from "../../components/validation";
import { planThreeTier, ThreeTierSecurityGroupsArgs } from "../../components/threeTierSecurityGroups";
import { planTieredSecurityGroups, TieredSecurityGroupsArgs } from "../../components/tieredSecurityGroups";
import { ObjectTypeSpec, THREE_TIER_TOKEN, TIERED_TOKEN, TypeSpec, packageSchema, typeToken } from "../../components/provider/schema";

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

const FULL_TIERED: TieredSecurityGroupsArgs = {
    vpcId: "vpc-1",
    tiers: { edge: { role: "public", description: "edge" }, api: { role: "app" } },
    flows: [
        { from: { cidrs: ["0.0.0.0/0"] }, to: "edge", protocol: "tcp", ports: [443], description: "HTTPS" },
        { from: "edge", to: "api", protocol: "tcp", ports: [{ from: 8000, to: 8100 }], description: "API" },
    ],
    egress: [{ from: "api", to: { cidrs: ["10.0.0.0/8"] }, protocol: "icmp", ports: [{ type: 8 }], description: "ping" }],
    tags: { team: "shop" },
};

/** Each place a component checks keys (its `where`) and the keys it accepts there, in call order. */
function acceptedKeys(plan: () => void): Array<{ where: string; known: string[] }> {
    const spy = jest.spyOn(validation, "refuseUnknownKeys");
    try {
        plan();
        return spy.mock.calls.map(([, where, known]) => ({ where, known: [...known] }));
    } finally {
        spy.mockRestore();
    }
}

const schema = packageSchema("0.0.0-test");
const resource = schema.resources[THREE_TIER_TOKEN];
const tiered = schema.resources[TIERED_TOKEN];

/** The object type a property refers to, directly or as the items of a list or the values of a map. */
function typeOf(spec: TypeSpec | undefined, where: string): ObjectTypeSpec {
    const target = spec?.$ref ?? spec?.items?.$ref ?? spec?.additionalProperties?.$ref;
    const token = target?.replace(/^#\/types\//, "");
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

/** The schema's properties at the place TieredSecurityGroups calls `where`. */
function tieredPropertiesAt(where: string): Record<string, TypeSpec> {
    const input = tiered.inputProperties;
    if (where === "") return input;
    if (/^tiers\["[^"]+"\]$/.test(where)) return typeOf(input.tiers, where).properties;
    if (/^flows\[\d+\]$/.test(where)) return typeOf(input.flows, where).properties;
    if (/^flows\[\d+\]\.from$/.test(where))
        return typeOf(
            typeOf(input.flows, where).properties.from.oneOf?.find((o) => o.$ref),
            where,
        ).properties;
    if (/^egress\[\d+\]$/.test(where)) return typeOf(input.egress, where).properties;
    if (/^egress\[\d+\]\.to$/.test(where)) return typeOf(typeOf(input.egress, where).properties.to, where).properties;
    throw new Error(`TieredSecurityGroups checks keys at "${where}", which this test does not map to the schema yet`);
}

describe("the package schema of TieredSecurityGroups", () => {
    const calls = acceptedKeys(() => planTieredSecurityGroups("TieredSecurityGroups test", FULL_TIERED));

    it("sees the component check keys at every level (the capture works)", () => {
        expect(calls.map((c) => c.where)).toEqual(
            expect.arrayContaining(["", 'tiers["edge"]', "flows[0]", "flows[0].from", "flows[1]", "egress[0]", "egress[0].to"]),
        );
    });

    it.each(calls.map((c) => [c.where || "(top level)", c] as const))("has exactly the keys the component accepts at %s", (_, { where, known }) => {
        expect(Object.keys(tieredPropertiesAt(where)).sort()).toEqual([...known].sort());
    });

    it("requires what the component cannot do without, and outputs what it registers", () => {
        expect(tiered.requiredInputs.sort()).toEqual(["flows", "tiers", "vpcId"]);
        expect(Object.keys(tiered.properties)).toEqual(["securityGroupIds"]);
    });
});

describe("the package schema of ThreeTierSecurityGroups", () => {
    const calls = acceptedKeys(() => planThreeTier("ThreeTierSecurityGroups test", FULL));

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

describe("the package schema's port items", () => {
    it("PortRange has exactly the keys of a { from, to } range the components take", () => {
        expect(Object.keys(schema.types[typeToken("PortRange")].properties).sort()).toEqual([...validation.PORT_RANGE_KEYS].sort());
    });

    it("IcmpType has exactly the keys of a { type, code } item the components take", () => {
        expect(Object.keys(schema.types[typeToken("IcmpType")].properties).sort()).toEqual([...validation.ICMP_TYPE_KEYS].sort());
    });

    it("the components refuse a key outside them, naming it (the readers use the same lists)", () => {
        const flow = (ports: unknown) =>
            planTieredSecurityGroups("TieredSecurityGroups test", {
                ...FULL_TIERED,
                flows: [{ from: "edge", to: "api", protocol: "tcp", ports, description: "API" }],
            } as TieredSecurityGroupsArgs);
        expect(() => flow([{ from: 8000, too: 8100 }])).toThrow(/has "too", which a \{ from, to \} range does not take/);
        const icmp = () =>
            planTieredSecurityGroups("TieredSecurityGroups test", {
                ...FULL_TIERED,
                egress: [{ from: "api", to: { cidrs: ["10.0.0.0/8"] }, protocol: "icmp", ports: [{ type: 8, cod: 0 }], description: "ping" }],
            } as unknown as TieredSecurityGroupsArgs);
        expect(icmp).toThrow(/has "cod", which \{ type, code \} does not take/);
    });
});
