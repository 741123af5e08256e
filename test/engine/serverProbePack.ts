/**
 * A policy pack written with the plain @pulumi/policy API to reach every path of an Analyzer server that
 * tierguard's own policies never take: several validations in one policy, typed validations (by type
 * token and by isInstance), remediations (returning new props, changing them in place, reading unknowns),
 * "not applicable" with and without a reason, violation objects, unknown values read in props and in the
 * provider, thrown errors, everything a policy can read (opts, provider, stack tags, config, parent and
 * dependencies), stack policies typed to a resource type. Served by tierguard's server, or by the SDK's with
 * TIERGUARD_ANALYZER_SERVER=sdk; started only as a pack, by analyzerServerDifferential.test.ts.
 */
import {
    PolicyPack,
    PolicyPackArgs,
    ResourceValidationArgs,
    StackValidationArgs,
    remediateResourceOfType,
    validateRemediateResourceOfType,
    validateResourceOfType,
    validateStackResourcesOfType,
} from "@pulumi/policy";
import { servePolicyPack } from "../../policypack/server";

const SecurityGroup = { __pulumiType: "aws:ec2/securityGroup:SecurityGroup" } as any;
const Bucket = { name: "Bucket", isInstance: (o: any) => o?.__pulumiType === "aws:s3/bucket:Bucket" } as any;
const Nameless = { isInstance: () => false } as any;

/** Every getConfig function a validation was handed: the SDK's server makes a new one for each call. */
const getConfigsSeen = new WeakSet<object>();

const seen = (args: ResourceValidationArgs) => {
    const getConfigSeenBefore = getConfigsSeen.has(args.getConfig);
    getConfigsSeen.add(args.getConfig);
    return JSON.stringify({
        // The arguments' own shape: their keys in order, and the kind of functions they hold.
        keys: Object.keys(args),
        getConfig: { name: args.getConfig.name, seenBefore: getConfigSeenBefore, fresh: args.getConfig() !== args.getConfig() },
        typeTests: [args.isType.name, typeof args.isType.prototype, args.asType.name, typeof args.asType.prototype],
        type: args.type,
        urn: args.urn,
        name: args.name,
        opts: args.opts,
        provider: args.provider && { type: args.provider.type, name: args.provider.name, urn: args.provider.urn },
        tags: [...args.stackTags.entries()],
        config: args.getConfig(),
        isSg: args.isType(SecurityGroup),
        isBucket: args.isType(Bucket),
        asSg: args.asType(SecurityGroup) !== undefined,
    });
};

const args: PolicyPackArgs = {
    enforcementLevel: "mandatory",
    description: "probe",
    policies: [
        {
            name: "several-validations",
            description: "Three validations.",
            severity: "low",
            validateResource: [
                (args, report) => report(`first ${args.name}`),
                (args, report) => report(`reads ${JSON.stringify((args.props as any).ingress)}`),
                (args, report) => report({ message: "object", urn: "urn:other", enforcementLevel: "advisory", severity: "critical" } as any),
            ],
        },
        {
            name: "typed-to-security-groups",
            description: "By type token.",
            enforcementLevel: "advisory",
            validateResource: validateResourceOfType(SecurityGroup, (props: any, args, report) =>
                report(`ingress ${JSON.stringify(props.ingress)} ${seen(args)}`),
            ),
        },
        {
            name: "typed-to-buckets",
            description: "By isInstance.",
            validateResource: validateResourceOfType(Bucket, (props: any, _args, report) => report(`bucket ${JSON.stringify(props)}`)),
        },
        {
            name: "typed-to-nothing",
            description: "A class with neither a type nor a name.",
            validateResource: validateResourceOfType(Nameless, (_props: any, _args, report) => report("never")),
        },
        {
            name: "reads-everything",
            description: "Everything a resource policy is handed, provider props included.",
            configSchema: { properties: { limit: { type: "number" } } },
            validateResource: (args, report) => {
                report(seen(args));
                if (args.provider) report(`provider ${JSON.stringify(args.provider.props)}`);
            },
        },
        {
            name: "not-applicable",
            description: "Not applicable by name.",
            validateResource: (args, report) => {
                if (args.name.startsWith("na-reason")) args.notApplicable(`not for ${args.name}`);
                if (args.name.startsWith("na")) args.notApplicable();
                report("applicable");
            },
            validateStack: (args) => {
                if (args.resources.length === 0) args.notApplicable("empty stack");
            },
        },
        {
            name: "throws",
            description: "Throws for some names.",
            validateResource: async (args) => {
                await Promise.resolve();
                if (args.name === "boom") throw new RangeError("boom went the policy");
                if (args.name === "boom-string") throw "a string, not an Error";
            },
        },
        {
            name: "remediates",
            description: "Returns new props.",
            remediateResource: remediateResourceOfType(SecurityGroup, (props: any) => ({ ...props, tags: { fixed: "yes" }, secretish: props.password })),
        },
        {
            name: "remediates-in-place",
            description: "Changes the props it is handed (a later remediation sees the change; secrets stay secret).",
            remediateResource: remediateResourceOfType(SecurityGroup, (props: any) => {
                props.description = "managed";
                props.password = "rotated";
                return props;
            }),
        },
        {
            name: "validates-and-remediates",
            description: "One function for both.",
            ...validateRemediateResourceOfType(SecurityGroup, (props: any, _args, report) => {
                report(`before ${props.description}`);
                return { ...props, validated: true };
            }),
        },
        {
            name: "remediation-reads-unknown",
            description: "Reads a value that may be unknown.",
            remediateResource: (args) => {
                if ((args.props as any).id === "none") return undefined;
                return { id: (args.props as any).id };
            },
        },
        {
            name: "stack-reader",
            description: "Everything a stack policy is handed.",
            validateStack: (args: StackValidationArgs, report) => {
                for (const r of args.resources) {
                    report(
                        JSON.stringify({
                            urn: r.urn,
                            parent: r.parent?.urn,
                            dependencies: r.dependencies.map((d) => d.urn),
                            propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.urn)])),
                            opts: r.opts,
                            provider: r.provider?.urn,
                            isSg: r.isType(SecurityGroup),
                            tags: [...args.stackTags.keys()],
                            config: args.getConfig(),
                        }),
                        r.urn,
                    );
                }
                for (const r of args.resources) report(`props ${JSON.stringify(r.props)}`);
            },
        },
        {
            name: "stack-typed",
            description: "Only stacks with buckets.",
            validateStack: validateStackResourcesOfType(Bucket, (props: any[], _args, report) => report(`buckets ${props.length}`)),
        },
        {
            name: "stack-token",
            description: "A stack policy with a type token.",
            validateStack: Object.assign((_args: StackValidationArgs, report: any) => report("has security groups"), {
                __pulumiType: SecurityGroup.__pulumiType,
            }),
        },
    ],
};

if (process.env.TIERGUARD_ANALYZER_SERVER === "sdk") new PolicyPack("server-probe", args);
else servePolicyPack("server-probe", args);
