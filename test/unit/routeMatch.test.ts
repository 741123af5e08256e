/**
 * The route hop of reachability (network/routing.ts): longest-prefix match over a subnet's route table.
 * Properties: adding a route to an internet gateway never takes reach away; adding a more specific
 * route elsewhere (a NAT gateway) never adds it; and VPC Block Public Access only ever takes it away.
 */
import fc from "fast-check";
import { ExampleResource, buildStack, ref } from "../../policypack/kit/examples";
import { StackGraph } from "../../policypack/network/graph";
import { Family } from "../../policypack/network/routing";

type Route = { cidr: string; to: "igw" | "nat" };

const RANK = { no: 0, maybe: 1, yes: 2 } as const;

function reach(routes: Route[], family: Family = 4, extra: ExampleResource[] = []): "yes" | "no" | "maybe" {
    const resources: ExampleResource[] = [
        { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { cidrBlock: "10.0.0.0/16" } },
        { type: "aws:ec2/internetGateway:InternetGateway", name: "igw", props: { vpcId: ref("vpc") } },
        { type: "aws:ec2/natGateway:NatGateway", name: "nat", props: { subnetId: "subnet-elsewhere" } },
        {
            type: "aws:ec2/routeTable:RouteTable",
            name: "rt",
            props: {
                vpcId: ref("vpc"),
                routes: routes.map((r) => ({
                    [family === 4 ? "cidrBlock" : "ipv6CidrBlock"]: r.cidr,
                    ...(r.to === "igw" ? { gatewayId: ref("igw") } : { natGatewayId: ref("nat") }),
                })),
            },
        },
        { type: "aws:ec2/subnet:Subnet", name: "a", props: { vpcId: ref("vpc"), cidrBlock: "10.0.1.0/24" } },
        { type: "aws:ec2/routeTableAssociation:RouteTableAssociation", name: "a-rta", props: { subnetId: ref("a"), routeTableId: ref("rt") } },
        ...extra,
    ];
    const graph = new StackGraph(buildStack(resources, "update"));
    const subnet = graph.resources.find((r) => r.name === "a")!;
    return graph.routing.subnetRoute(subnet.urn, family).verdict;
}

const v4Cidr = fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 20 }))
    .map(([a, b, prefix]) => `${a}.${b}.0.0/${prefix}`);
const routesOf = fc.array(fc.record({ cidr: v4Cidr, to: fc.constantFrom<"igw" | "nat">("igw", "nat") }), { maxLength: 6 });

describe("route hop: longest-prefix match", () => {
    it("reads the default route, two halves, and narrow public routes", () => {
        expect(reach([{ cidr: "0.0.0.0/0", to: "igw" }])).toBe("yes");
        expect(
            reach([
                { cidr: "0.0.0.0/1", to: "igw" },
                { cidr: "128.0.0.0/1", to: "igw" },
            ]),
        ).toBe("yes");
        expect(reach([{ cidr: "203.0.113.0/24", to: "igw" }])).toBe("no");
        expect(reach([{ cidr: "::/0", to: "igw" }], 6)).toBe("yes");
        expect(reach([{ cidr: "::/0", to: "nat" }], 6)).toBe("no");
    });

    it("lets more specific routes elsewhere take addresses away, but not all of them", () => {
        const defaultRoute: Route = { cidr: "0.0.0.0/0", to: "igw" };
        expect(reach([defaultRoute, { cidr: "8.0.0.0/8", to: "nat" }])).toBe("yes");
        expect(reach([defaultRoute, { cidr: "0.0.0.0/1", to: "nat" }, { cidr: "128.0.0.0/1", to: "nat" }])).toBe("no");
    });

    it("never loses reach when a route to an internet gateway is added", () => {
        fc.assert(
            fc.property(routesOf, v4Cidr, (routes, added) => {
                if (routes.some((r) => r.cidr === added)) return; // AWS refuses two routes to one destination
                expect(RANK[reach([...routes, { cidr: added, to: "igw" }])]).toBeGreaterThanOrEqual(RANK[reach(routes)]);
            }),
            { numRuns: 150 },
        );
    });

    it("never gains reach when a route elsewhere is added", () => {
        fc.assert(
            fc.property(routesOf, v4Cidr, (routes, added) => {
                if (routes.some((r) => r.cidr === added)) return;
                expect(RANK[reach([...routes, { cidr: added, to: "nat" }])]).toBeLessThanOrEqual(RANK[reach(routes)]);
            }),
            { numRuns: 150 },
        );
    });

    it("VPC Block Public Access only takes reach away, and an allow-bidirectional exclusion gives it back", () => {
        const options: ExampleResource = {
            type: "aws:ec2/vpcBlockPublicAccessOptions:VpcBlockPublicAccessOptions",
            name: "bpa",
            props: { internetGatewayBlockMode: "block-ingress" },
        };
        const exclusion = (mode: string): ExampleResource => ({
            type: "aws:ec2/vpcBlockPublicAccessExclusion:VpcBlockPublicAccessExclusion",
            name: "ex",
            props: { subnetId: ref("a"), internetGatewayExclusionMode: mode },
        });
        fc.assert(
            fc.property(routesOf, (routes) => {
                const open = reach(routes);
                expect(reach(routes, 4, [options])).toBe("no");
                expect(reach(routes, 4, [options, exclusion("allow-egress")])).toBe("no");
                expect(reach(routes, 4, [options, exclusion("allow-bidirectional")])).toBe(open);
            }),
            { numRuns: 50 },
        );
    });
});
