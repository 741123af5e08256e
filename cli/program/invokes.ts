/**
 * Data sources (invokes) cannot reach AWS offline. Well-known ones get plausible placeholder
 * answers so programs can run; every invoke is noted so the report can say what was not real.
 */

export interface InvokeNote {
    token: string;
    /** "placeholder": answered with a plausible stand-in; "empty": no stand-in known, answered with {}. */
    answer: "placeholder" | "empty";
}

type Answer = (inputs: Record<string, unknown>, region: string) => Record<string, unknown>;

const ANSWERS: Partial<Record<string, Answer>> = {
    "aws:index/getAvailabilityZones:getAvailabilityZones": (_, region) => ({
        id: region,
        names: ["a", "b", "c"].map((s) => `${region}${s}`),
        zoneIds: ["az1", "az2", "az3"].map((s) => `${region.replace(/-/g, "").slice(0, 4)}-${s}`),
        groupNames: [region],
    }),
    "aws:index/getRegion:getRegion": (_, region) => ({ id: region, name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region }),
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({ id: "123456789012", accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/tierguard-offline", userId: "AIDATIERGUARDOFFLINE" }),
    "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }),
    "aws:ec2/getAmi:getAmi": (_, region) => ({ id: "ami-0123456789abcdef0", imageId: "ami-0123456789abcdef0", arn: `arn:aws:ec2:${region}::image/ami-0123456789abcdef0`, architecture: "x86_64", name: "tierguard-offline-placeholder" }),
    "aws:ec2/getVpc:getVpc": (inputs) => ({ id: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16", default: inputs.default === true, ipv6CidrBlock: "" }),
    "aws:ec2/getSubnets:getSubnets": () => ({ id: "subnets", ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"] }),
    "aws:ec2/getSecurityGroup:getSecurityGroup": (inputs) => ({ id: typeof inputs.id === "string" ? inputs.id : "sg-0123456789abcdef0", name: inputs.name ?? "placeholder", vpcId: "vpc-0123456789abcdef0" }),
    "aws:ec2/getPrefixList:getPrefixList": () => ({ id: "pl-0123456789abcdef0", cidrBlocks: [], name: "placeholder" }),
};

export function answerInvoke(token: string, inputs: Record<string, unknown>, config: Record<string, string>, notes: InvokeNote[]): Record<string, unknown> {
    const answer = ANSWERS[token];
    const region = config["aws:region"] ?? process.env.AWS_REGION ?? "us-east-1";
    notes.push({ token, answer: answer ? "placeholder" : "empty" });
    return answer ? answer(inputs, region) : {};
}
