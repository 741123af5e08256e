/**
 * Data sources (invokes) offline. A preview asks AWS; `check` cannot, so it answers the common data
 * sources with realistic stand-ins (the shapes the AWS provider returns, the JSON of the public AMI
 * parameters), computes the ones that need no cloud (IAM policy documents), and answers the rest
 * with an empty result. Every answer is noted: the report lists what was not real, since a program
 * that fails on a stand-in usually fails because of it.
 */

/** How a data source, method or stack reference was answered offline. */
export type AnswerKind = "placeholder" | "computed" | "empty" | "unknown";

export interface OfflineAnswer {
    kind: "data source" | "method" | "stack reference" | "resource read";
    /** The invoke or method token, the type read, or the stack reference's stack name. */
    token: string;
    answer: AnswerKind;
    /** How often it was asked. */
    calls: number;
    /** A detail worth showing (an SSM parameter's name, the id read). */
    detail?: string;
}

/** Every offline answer of one run, one entry per (kind, token, answer, detail). */
export class OfflineLedger {
    private readonly entries = new Map<string, OfflineAnswer>();

    note(kind: OfflineAnswer["kind"], token: string, answer: AnswerKind, detail?: string): void {
        const key = JSON.stringify([kind, token, answer, detail ?? null]);
        const entry = this.entries.get(key);
        if (entry) entry.calls++;
        else this.entries.set(key, { kind, token, answer, calls: 1, ...(detail !== undefined ? { detail } : {}) });
    }

    list(): OfflineAnswer[] {
        return [...this.entries.values()];
    }
}

/** What an answer needs to know about the deployment. */
export interface InvokeContext {
    region: string;
}

type Args = Record<string, unknown>;
type Answer = { result: Args; answer: AnswerKind; detail?: string };

const ACCOUNT = "123456789012";
const hex = (seed: string, length: number) => {
    let h = 0x811c9dc5;
    let out = "";
    while (out.length < length) {
        for (const c of `${seed}:${out.length}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
        out += h.toString(16).padStart(8, "0");
    }
    return out.slice(0, length);
};
const stringArg = (args: Args, key: string): string | undefined => (typeof args[key] === "string" ? (args[key] as string) : undefined);
const stringList = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

const amiId = (seed: string) => `ami-0${hex(seed, 16)}`;

/** AWS's zone-id prefix of a region: us-east-1 → use1, ap-southeast-2 → apse2, eu-central-1 → euc1. */
function zoneIdPrefix(region: string): string {
    const [area, direction = "", number = "1"] = region.split("-");
    const short = new Map([
        ["east", "e"],
        ["west", "w"],
        ["north", "n"],
        ["south", "s"],
        ["central", "c"],
        ["northeast", "ne"],
        ["northwest", "nw"],
        ["southeast", "se"],
        ["southwest", "sw"],
    ]);
    return `${area}${short.get(direction) ?? direction.slice(0, 1)}${number}`;
}

/**
 * The public parameters AWS publishes for its images (ECS- and EKS-optimised, Amazon Linux, Bottlerocket,
 * Ubuntu, Windows): the value a program parses, shaped as AWS writes it.
 */
function amiParameter(name: string, region: string): string | undefined {
    if (!name.startsWith("/aws/service/")) return undefined;
    const image = amiId(`${region}${name}`);
    const leaf = name.split("/").pop() ?? "";
    if (leaf === "image_id") return image;
    if (leaf === "image_name") return `tierguard-offline-${name.split("/")[3] ?? "image"}`;
    if (leaf === "release_version") return "1.30.0-20241109";
    if (leaf === "image_version") return "1.26.2-tierguard";
    if (name.startsWith("/aws/service/ecs/optimized-ami/") && leaf === "recommended") {
        const al2023 = name.includes("amazon-linux-2023");
        return JSON.stringify({
            ecs_agent_version: "1.88.0",
            ecs_runtime_version: "Docker version 25.0.6",
            image_id: image,
            image_name: al2023 ? "al2023-ami-ecs-hvm-2023.0.20241108-kernel-6.1-x86_64" : "amzn2-ami-ecs-hvm-2.0.20241108-x86_64-ebs",
            image_version: al2023 ? "2023.0.20241108" : "2.0.20241108",
            os: al2023 ? "Amazon Linux 2023" : "Amazon Linux 2",
            schema_version: 1,
            source_image_name: al2023 ? "al2023-ami-minimal-2023.6.20241031.0-kernel-6.1-x86_64" : "amzn2-ami-minimal-hvm-2.0.20241031.0-x86_64-ebs",
        });
    }
    if (name.startsWith("/aws/service/eks/optimized-ami/") && leaf === "recommended") {
        return JSON.stringify({ image_id: image, image_name: "amazon-eks-node-1.30-v20241109", release_version: "1.30.6-20241109", schema_version: "2" });
    }
    if (/^\/aws\/service\/(ami-amazon-linux-latest|ami-windows-latest|canonical|debian|bottlerocket|suse|marketplace)\//.test(name)) return image;
    return undefined;
}

/** An IAM policy document rendered from its statements as the provider renders it (no cloud needed). */
function policyDocument(args: Args): Answer {
    const statements = Array.isArray(args.statements) ? args.statements : [];
    // Keys (principal types, condition tests and variables) come from the program: Maps, then own
    // properties, so "__proto__" or "constructor" is a key like any other and never reaches a prototype.
    const principalsOf = (value: unknown) => {
        const principals = new Map<string, string | string[]>();
        for (const p of Array.isArray(value) ? value : []) {
            if (!p || typeof p !== "object") continue;
            const { type, identifiers } = p as Args;
            if (typeof type !== "string") continue;
            const ids = stringList(identifiers);
            principals.set(type, ids.length === 1 ? ids[0] : ids);
        }
        return Object.fromEntries(principals);
    };
    const one = (list: string[]) => (list.length === 1 ? list[0] : list);
    const rendered = statements.map((raw) => {
        const s = (raw && typeof raw === "object" ? raw : {}) as Args;
        const out: Args = {};
        if (typeof s.sid === "string" && s.sid) out.Sid = s.sid;
        out.Effect = typeof s.effect === "string" ? s.effect : "Allow";
        for (const [key, name] of [
            ["actions", "Action"],
            ["notActions", "NotAction"],
            ["resources", "Resource"],
            ["notResources", "NotResource"],
        ] as const) {
            const list = stringList(s[key]);
            if (list.length > 0) out[name] = one(list);
        }
        if (Array.isArray(s.principals) && s.principals.length > 0) out.Principal = principalsOf(s.principals);
        if (Array.isArray(s.notPrincipals) && s.notPrincipals.length > 0) out.NotPrincipal = principalsOf(s.notPrincipals);
        if (Array.isArray(s.conditions) && s.conditions.length > 0) {
            const conditions = new Map<string, Map<string, string | string[]>>();
            for (const c of s.conditions as Args[]) {
                if (!c || typeof c.test !== "string" || typeof c.variable !== "string") continue;
                if (!conditions.has(c.test)) conditions.set(c.test, new Map());
                conditions.get(c.test)!.set(c.variable, one(stringList(c.values)));
            }
            out.Condition = Object.fromEntries([...conditions].map(([test, variables]) => [test, Object.fromEntries(variables)]));
        }
        return out;
    });
    const document: Args = { Version: typeof args.version === "string" ? args.version : "2012-10-17" };
    if (typeof args.policyId === "string") document.Id = args.policyId;
    document.Statement = rendered;
    const json = JSON.stringify(document, null, 2);
    // Source and override documents would be merged by the provider; their statements are not known here.
    const partial = stringList(args.sourcePolicyDocuments).length > 0 || stringList(args.overridePolicyDocuments).length > 0;
    return { result: { id: hex(json, 10), json, minifiedJson: JSON.stringify(document) }, answer: partial ? "placeholder" : "computed" };
}

const ANSWERS: Record<string, (args: Args, context: InvokeContext) => Answer> = {
    "aws:index/getAvailabilityZones:getAvailabilityZones": (_, { region }) => ({
        result: {
            id: region,
            names: ["a", "b", "c"].map((s) => `${region}${s}`),
            zoneIds: ["az1", "az2", "az3"].map((s) => `${zoneIdPrefix(region)}-${s}`),
            groupNames: [region],
        },
        answer: "placeholder",
    }),
    "aws:index/getRegion:getRegion": (_, { region }) => ({
        result: { id: region, name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region },
        answer: "placeholder",
    }),
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({
        result: { id: ACCOUNT, accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/tierguard-offline`, userId: "AIDATIERGUARDOFFLINE" },
        answer: "placeholder",
    }),
    "aws:index/getPartition:getPartition": () => ({
        result: { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" },
        answer: "placeholder",
    }),
    "aws:index/getDefaultTags:getDefaultTags": () => ({ result: { id: "default-tags", tags: {} }, answer: "placeholder" }),
    "aws:ec2/getAmi:getAmi": (args, { region }) => {
        const id = amiId(`${region}:${JSON.stringify(args.filters ?? args.nameRegex ?? "")}`);
        return {
            result: {
                id,
                imageId: id,
                arn: `arn:aws:ec2:${region}::image/${id}`,
                architecture: "x86_64",
                name: "tierguard-offline-image",
                ownerId: stringList(args.owners)[0] ?? "137112412989",
                rootDeviceName: "/dev/xvda",
                rootDeviceType: "ebs",
                virtualizationType: "hvm",
                state: "available",
                public: true,
                blockDeviceMappings: [
                    {
                        deviceName: "/dev/xvda",
                        ebs: { volume_size: "8", volume_type: "gp3", encrypted: "false", delete_on_termination: "true" },
                        noDevice: "",
                        virtualName: "",
                    },
                ],
                tags: {},
            },
            answer: "placeholder",
        };
    },
    "aws:ec2/getAmiIds:getAmiIds": (_, { region }) => ({ result: { id: region, ids: [amiId(`${region}:ids`)] }, answer: "placeholder" }),
    "aws:ec2/getVpc:getVpc": (args, { region }) => {
        const id = stringArg(args, "id") ?? "vpc-0123456789abcdef0";
        return {
            result: {
                id,
                arn: `arn:aws:ec2:${region}:${ACCOUNT}:vpc/${id}`,
                cidrBlock: stringArg(args, "cidrBlock") ?? "10.0.0.0/16",
                default: args.default === true,
                mainRouteTableId: "rtb-0123456789abcdef0",
                dhcpOptionsId: "dopt-0123456789abcdef0",
                enableDnsHostnames: true,
                enableDnsSupport: true,
                instanceTenancy: "default",
                ipv6AssociationId: "",
                ipv6CidrBlock: "",
                ownerId: ACCOUNT,
                state: "available",
                tags: {},
            },
            answer: "placeholder",
        };
    },
    "aws:ec2/getVpcs:getVpcs": () => ({ result: { id: "vpcs", ids: ["vpc-0123456789abcdef0"] }, answer: "placeholder" }),
    "aws:ec2/getSubnet:getSubnet": (args, { region }) => {
        const id = stringArg(args, "id") ?? "subnet-0123456789abcdef0";
        return {
            result: {
                id,
                arn: `arn:aws:ec2:${region}:${ACCOUNT}:subnet/${id}`,
                vpcId: stringArg(args, "vpcId") ?? "vpc-0123456789abcdef0",
                cidrBlock: stringArg(args, "cidrBlock") ?? "10.0.1.0/24",
                availabilityZone: stringArg(args, "availabilityZone") ?? `${region}a`,
                mapPublicIpOnLaunch: false,
                ipv6CidrBlock: "",
                ownerId: ACCOUNT,
                state: "available",
                tags: {},
            },
            answer: "placeholder",
        };
    },
    "aws:ec2/getSubnets:getSubnets": () => ({
        result: { id: "subnets", ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"] },
        answer: "placeholder",
    }),
    "aws:ec2/getSubnetIds:getSubnetIds": (args) => ({
        result: { id: "subnets", vpcId: stringArg(args, "vpcId") ?? "vpc-0123456789abcdef0", ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"] },
        answer: "placeholder",
    }),
    "aws:ec2/getSecurityGroup:getSecurityGroup": (args, { region }) => {
        const id = stringArg(args, "id") ?? "sg-0123456789abcdef0";
        return {
            result: {
                id,
                arn: `arn:aws:ec2:${region}:${ACCOUNT}:security-group/${id}`,
                name: stringArg(args, "name") ?? "placeholder",
                description: "placeholder",
                vpcId: stringArg(args, "vpcId") ?? "vpc-0123456789abcdef0",
                tags: {},
            },
            answer: "placeholder",
        };
    },
    "aws:ec2/getSecurityGroups:getSecurityGroups": () => ({
        result: { id: "security-groups", ids: ["sg-0123456789abcdef0"], vpcIds: ["vpc-0123456789abcdef0"], arns: [] },
        answer: "placeholder",
    }),
    "aws:ec2/getPrefixList:getPrefixList": (args) => ({
        result: { id: stringArg(args, "prefixListId") ?? "pl-0123456789abcdef0", name: stringArg(args, "name") ?? "placeholder", cidrBlocks: [] },
        answer: "placeholder",
    }),
    "aws:ec2/getManagedPrefixList:getManagedPrefixList": (args) => ({
        result: {
            id: stringArg(args, "id") ?? "pl-0123456789abcdef0",
            name: stringArg(args, "name") ?? "placeholder",
            entries: [],
            addressFamily: "IPv4",
            maxEntries: 0,
        },
        answer: "placeholder",
    }),
    "aws:ec2/getInternetGateway:getInternetGateway": () => ({
        result: {
            id: "igw-0123456789abcdef0",
            internetGatewayId: "igw-0123456789abcdef0",
            attachments: [{ state: "available", vpcId: "vpc-0123456789abcdef0" }],
            ownerId: ACCOUNT,
            tags: {},
        },
        answer: "placeholder",
    }),
    "aws:ec2/getRouteTable:getRouteTable": (args) => ({
        result: {
            id: "rtb-0123456789abcdef0",
            routeTableId: "rtb-0123456789abcdef0",
            vpcId: stringArg(args, "vpcId") ?? "vpc-0123456789abcdef0",
            routes: [],
            associations: [],
            tags: {},
        },
        answer: "placeholder",
    }),
    "aws:ssm/getParameter:getParameter": (args, { region }) => {
        const name = stringArg(args, "name") ?? "";
        const known = amiParameter(name, region);
        return {
            result: {
                id: name,
                name,
                arn: `arn:aws:ssm:${region}:${ACCOUNT}:parameter${name.startsWith("/") ? "" : "/"}${name}`,
                type: "String",
                value: known ?? "tierguard-offline-placeholder",
                insecureValue: known ?? "tierguard-offline-placeholder",
                version: 1,
            },
            answer: "placeholder",
            detail: name,
        };
    },
    "aws:ssm/getParameters:getParameters": (args, { region }) => {
        const names = stringList(args.names);
        const values = names.map((name) => amiParameter(name, region) ?? "tierguard-offline-placeholder");
        return {
            result: {
                id: region,
                names,
                values,
                arns: names.map((name) => `arn:aws:ssm:${region}:${ACCOUNT}:parameter${name.startsWith("/") ? "" : "/"}${name}`),
                types: names.map(() => "String"),
                versions: names.map(() => 1),
                invalidParameters: [],
            },
            answer: "placeholder",
            detail: names.join(", "),
        };
    },
    "aws:iam/getPolicyDocument:getPolicyDocument": (args) => policyDocument(args),
    "aws:iam/getRole:getRole": (args) => {
        const name = stringArg(args, "name") ?? "placeholder";
        return { result: { id: name, name, arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, uniqueId: "AROATIERGUARDOFFLINE", path: "/" }, answer: "placeholder" };
    },
    "aws:iam/getPolicy:getPolicy": (args) => {
        const arn = stringArg(args, "arn") ?? `arn:aws:iam::${ACCOUNT}:policy/${stringArg(args, "name") ?? "placeholder"}`;
        return { result: { id: arn, arn, name: arn.split("/").pop(), path: "/", policy: "{}" }, answer: "placeholder" };
    },
    "aws:route53/getZone:getZone": (args) => {
        const name = stringArg(args, "name") ?? "example.com";
        return {
            result: {
                id: "Z0123456789TIERGUARD",
                zoneId: "Z0123456789TIERGUARD",
                name,
                nameServers: ["ns-1.awsdns-00.com"],
                privateZone: args.privateZone === true,
            },
            answer: "placeholder",
        };
    },
    "aws:acm/getCertificate:getCertificate": (args, { region }) => {
        const arn = `arn:aws:acm:${region}:${ACCOUNT}:certificate/00000000-0000-4000-8000-${hex(stringArg(args, "domain") ?? "", 12)}`;
        return { result: { id: arn, arn, domain: stringArg(args, "domain") ?? "example.com", status: "ISSUED" }, answer: "placeholder" };
    },
    "aws:elb/getServiceAccount:getServiceAccount": () => ({ result: { id: "127311923021", arn: "arn:aws:iam::127311923021:root" }, answer: "placeholder" }),
    "aws:ecr/getAuthorizationToken:getAuthorizationToken": (_, { region }) => ({
        result: {
            id: region,
            authorizationToken: "dGllcmd1YXJkOm9mZmxpbmU=",
            userName: "AWS",
            password: "tierguard-offline",
            proxyEndpoint: `https://${ACCOUNT}.dkr.ecr.${region}.amazonaws.com`,
            expiresAt: "2099-01-01T00:00:00Z",
        },
        answer: "placeholder",
    }),
    "aws:kms/getKey:getKey": (args, { region }) => {
        const id = "00000000-0000-4000-8000-000000000000";
        return { result: { id, keyId: stringArg(args, "keyId") ?? id, arn: `arn:aws:kms:${region}:${ACCOUNT}:key/${id}` }, answer: "placeholder" };
    },
    "aws:kms/getAlias:getAlias": (args, { region }) => {
        const id = "00000000-0000-4000-8000-000000000000";
        return {
            result: {
                id: stringArg(args, "name") ?? "alias/placeholder",
                arn: `arn:aws:kms:${region}:${ACCOUNT}:${stringArg(args, "name") ?? "alias/placeholder"}`,
                targetKeyId: id,
                targetKeyArn: `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`,
            },
            answer: "placeholder",
        };
    },
    "aws:secretsmanager/getSecretVersion:getSecretVersion": (args, { region }) => ({
        result: {
            id: stringArg(args, "secretId") ?? "placeholder",
            arn: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:placeholder`,
            secretString: "tierguard-offline-placeholder",
            versionId: "1",
        },
        answer: "placeholder",
    }),
    "aws-native:index:getAccountId": () => ({ result: { accountId: ACCOUNT }, answer: "placeholder" }),
    "aws-native:index:getRegion": (_, { region }) => ({ result: { region }, answer: "placeholder" }),
    "aws-native:index:getPartition": () => ({ result: { partition: "aws" }, answer: "placeholder" }),
    "aws-native:index:getUrlSuffix": () => ({ result: { urlSuffix: "amazonaws.com" }, answer: "placeholder" }),
    "aws-native:index:getAzs": (_, { region }) => ({ result: { azs: ["a", "b", "c"].map((s) => `${region}${s}`) }, answer: "placeholder" }),
    "aws-native:index:getSsmParameterString": (args, { region }) => {
        const name = stringArg(args, "name") ?? "";
        return { result: { value: amiParameter(name, region) ?? "tierguard-offline-placeholder" }, answer: "placeholder", detail: name };
    },
};

/** The answer to a data source the engine would have asked AWS for. */
export function answerDataSource(token: string, args: Args, context: InvokeContext): Answer {
    const answer = Object.prototype.hasOwnProperty.call(ANSWERS, token) ? ANSWERS[token] : undefined;
    return answer ? answer(args, context) : { result: {}, answer: "empty" };
}
