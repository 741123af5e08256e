/**
 * Who can reach a resource (policypack/network/reachability.ts): its paths are found once per graph and
 * internet definition and shared by the policies that ask — tier-isolation and internet-exposure may
 * each be configured with their own definition, on the one graph of a request.
 */
import { ExampleResource, buildStack, ref } from "../../policypack/kit/examples";
import { securityGroup, tcpFrom, vpc } from "../../policypack/kit/exampleParts";
import { stackGraphInProcess } from "../../policypack/inProcess";
import { pathsTo } from "../../policypack/network/reachability";

// 8.0.0.0/15 is the internet where a prefix shorter than /16 counts (the default), and not where only shorter than /8 does.
const declared: ExampleResource[] = [
    vpc,
    securityGroup("wide-sg", [tcpFrom(443, { cidrBlocks: ["8.0.0.0/15"] })]),
    { type: "aws:ec2/instance:Instance", name: "web", props: { vpcSecurityGroupIds: [ref("wide-sg")] } },
];

it.each(["preview", "update"] as const)("keeps paths apart per internet definition on one graph (%s)", (mode) => {
    const graph = stackGraphInProcess(buildStack(declared, mode));
    const web = graph.carriers.find((c) => c.resource.name === "web")!;
    const byDefault = pathsTo(graph, web, { internetPrefixV4: 16, internetPrefixV6: 32 });
    const narrow = pathsTo(graph, web, { internetPrefixV4: 8, internetPrefixV6: 32 });
    expect(byDefault.map((p) => p.source)).toEqual(["internet"]);
    expect(narrow.map((p) => p.source)).toEqual([]);
    // Asked again: the same paths, not found again.
    expect(pathsTo(graph, web, { internetPrefixV4: 16, internetPrefixV6: 32 })).toBe(byDefault);
    // Another graph of the same stack has its own.
    const other = stackGraphInProcess(buildStack(declared, mode));
    expect(
        pathsTo(
            other,
            other.carriers.find((c) => c.resource.name === "web")!,
            { internetPrefixV4: 16, internetPrefixV6: 32 },
        ),
    ).not.toBe(byDefault);
});
