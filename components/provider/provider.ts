/**
 * The provider of tierguard's component package (see DESIGN.md): serves the hand-written schema and
 * constructs ThreeTierSecurityGroups / TieredSecurityGroups for programs in other languages.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import { ThreeTierSecurityGroups, ThreeTierSecurityGroupsArgs } from "../threeTierSecurityGroups";
import { TieredSecurityGroups, TieredSecurityGroupsArgs } from "../tieredSecurityGroups";
import { THREE_TIER_TOKEN, TIERED_TOKEN, packageSchema } from "./schema";

/** The version of the tierguard npm package this file belongs to (from source or from dist). */
export function packageVersion(from: string = __dirname): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (pkg.name === "tierguard" && pkg.version) return pkg.version;
        }
        if (path.dirname(dir) === dir) throw new Error(`tierguard provider: no tierguard package.json above ${from}`);
    }
}

/** The SDK's Output, with the members used to unwrap a top-level input. */
interface KnownOutput {
    isKnown: Promise<boolean>;
    promise(): Promise<unknown>;
}

/**
 * The components check their arguments synchronously and need plain objects: a top-level input that
 * arrived wrapped in an Output is unwrapped when known. `vpcId` and `tags` stay as they came (the
 * components take Inputs there). An unknown object (during preview) cannot be planned.
 */
export async function plainArgs(type: string, inputs: pulumi.Inputs): Promise<Record<string, unknown>> {
    const args: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(inputs)) {
        if (key === "vpcId" || key === "tags" || !pulumi.Output.isInstance(value)) {
            args[key] = value;
            continue;
        }
        const output = value as unknown as KnownOutput;
        if (!(await output.isKnown)) {
            throw new Error(`${type}: the argument "${key}" is not known yet (it depends on a resource not created); tierguard needs it to plan the rules`);
        }
        args[key] = await output.promise();
    }
    return args;
}

export class TierguardProvider implements provider.Provider {
    readonly version: string;

    constructor(version: string = packageVersion()) {
        this.version = version;
    }

    async getSchema(): Promise<string> {
        return JSON.stringify(packageSchema(this.version));
    }

    async construct(name: string, type: string, inputs: pulumi.Inputs, opts: pulumi.ComponentResourceOptions): Promise<provider.ConstructResult> {
        let component: ThreeTierSecurityGroups | TieredSecurityGroups;
        if (type === THREE_TIER_TOKEN) {
            component = new ThreeTierSecurityGroups(name, (await plainArgs(type, inputs)) as unknown as ThreeTierSecurityGroupsArgs, opts);
        } else if (type === TIERED_TOKEN) {
            component = new TieredSecurityGroups(name, (await plainArgs(type, inputs)) as unknown as TieredSecurityGroupsArgs, opts);
        } else {
            throw new Error(`tierguard provider: unknown resource type "${type}" (this package has ${THREE_TIER_TOKEN} and ${TIERED_TOKEN})`);
        }
        return { urn: component.urn, state: { securityGroupIds: component.securityGroupIds } };
    }
}
