/**
 * TierguardProvider without the protocol: its version and schema, the refusal of an unknown type, and
 * the unwrapping of top-level inputs that arrive wrapped in an Output (components/provider/DESIGN.md).
 * The protocol itself: providerProtocol.test.ts (on the compiled output).
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { TierguardProvider, plainArgs } from "../../components/provider/provider";
import { THREE_TIER_TOKEN, TIERED_TOKEN } from "../../components/provider/schema";

const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;

test("the provider's version is the npm package's, and its schema carries it", async () => {
    const provider = new TierguardProvider();
    expect(provider.version).toBe(VERSION);
    const schema = JSON.parse(await provider.getSchema()) as { version: string; resources: Record<string, unknown> };
    expect(schema.version).toBe(VERSION);
    expect(Object.keys(schema.resources).sort()).toEqual([THREE_TIER_TOKEN, TIERED_TOKEN].sort());
});

test("construct refuses a type the package does not have, naming the types it has", async () => {
    await expect(new TierguardProvider("0.0.0").construct("x", "tierguard:index:Nope", {}, {})).rejects.toThrow(
        /unknown resource type "tierguard:index:Nope".*ThreeTierSecurityGroups.*TieredSecurityGroups/,
    );
});

test("plainArgs unwraps known Output-wrapped arguments, keeps vpcId and tags as they came", async () => {
    const vpcId = pulumi.output("vpc-1");
    const tags = pulumi.output({ team: "shop" });
    const args = await plainArgs(THREE_TIER_TOKEN, { vpcId, tags, web: pulumi.output({ port: 8080 }), database: { port: 5432 } });
    expect(args.vpcId).toBe(vpcId);
    expect(args.tags).toBe(tags);
    expect(args.web).toEqual({ port: 8080 });
    expect(args.database).toEqual({ port: 5432 });
});

test("plainArgs refuses an argument not known yet, naming it", async () => {
    const admin = pulumi.output(pulumi.unknown);
    await expect(plainArgs(THREE_TIER_TOKEN, { admin })).rejects.toThrow(/the argument "admin" is not known yet/);
});
