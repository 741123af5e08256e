import * as pulumi from "@pulumi/pulumi";
import { ThreeTierSecurityGroups, TieredSecurityGroups, ComponentArgumentError } from "../../components";
import { byType, ruleLines, run } from "./harness";

describe("ThreeTierSecurityGroups", () => {
    it("creates exactly the three-tier rules, with security-group references between tiers", async () => {
        const capture = await run(() => {
            new ThreeTierSecurityGroups("shop", { vpcId: "vpc-1", loadBalancer: { http: true, quic: true }, web: { port: 8080 }, database: { port: 5432 } });
        });
        expect(ruleLines(capture, "shop")).toEqual(
            [
                "loadBalancer ingress tcp 443 from 0.0.0.0/0: HTTPS from clients",
                "loadBalancer ingress tcp 443 from ::/0: HTTPS from clients",
                "loadBalancer ingress tcp 80 from 0.0.0.0/0: HTTP from clients, redirected to HTTPS",
                "loadBalancer ingress tcp 80 from ::/0: HTTP from clients, redirected to HTTPS",
                "loadBalancer ingress udp 443 from 0.0.0.0/0: HTTP/3 (QUIC) from clients",
                "loadBalancer ingress udp 443 from ::/0: HTTP/3 (QUIC) from clients",
                "loadBalancer egress tcp 8080 to sg:web: App traffic from the load balancer",
                "web ingress tcp 8080 from sg:loadBalancer: App traffic from the load balancer",
                "web egress tcp 5432 to sg:database: Database connections from the web tier",
                "database ingress tcp 5432 from sg:web: Database connections from the web tier",
            ].sort(),
        );
        const groups = byType(capture, "aws:ec2/securityGroup:SecurityGroup");
        expect(groups.map((g) => [g.name, (g.inputs.tags as Record<string, string>)["tierguard:tier"]]).sort()).toEqual([
            ["shop-database", "data"],
            ["shop-loadBalancer", "public"],
            ["shop-web", "web"],
        ]);
        // No inline rules: the groups carry none, so standalone rules can change without replacing them.
        for (const g of groups) expect(g.inputs.ingress ?? []).toEqual([]);
        const component = capture.resources.find((r) => r.type === "tierguard:index:ThreeTierSecurityGroups")!;
        expect(groups.every((g) => g.parent !== undefined)).toBe(true);
        expect(component.name).toBe("shop");
    });

    it("adds the app tier, admin access from named addresses and declared egress", async () => {
        const capture = await run(() => {
            new ThreeTierSecurityGroups("crm", {
                vpcId: "vpc-1",
                loadBalancer: { cidrs: ["198.51.100.0/24"] },
                web: { port: 80 },
                app: { port: 9000 },
                database: { port: 3306 },
                admin: { cidrs: ["203.0.113.10/32", "2001:db8::10/128"], tiers: ["web", "app"] },
                egress: {
                    web: [{ cidrs: ["0.0.0.0/0"], protocol: "tcp", ports: 443, description: "OS updates" }],
                    app: [{ cidrs: ["10.20.0.0/16"], protocol: "udp", ports: [53], description: "DNS" }],
                },
                tags: { team: "crm" },
            });
        });
        expect(ruleLines(capture, "crm")).toEqual(
            [
                "loadBalancer ingress tcp 443 from 198.51.100.0/24: HTTPS from clients",
                "loadBalancer egress tcp 80 to sg:web: App traffic from the load balancer",
                "web ingress tcp 80 from sg:loadBalancer: App traffic from the load balancer",
                "web egress tcp 9000 to sg:app: Requests from the web tier",
                "app ingress tcp 9000 from sg:web: Requests from the web tier",
                "app egress tcp 3306 to sg:database: Database connections from the app tier",
                "database ingress tcp 3306 from sg:app: Database connections from the app tier",
                "web ingress tcp 22 from 203.0.113.10/32: Admin access (port 22) from named addresses",
                "web ingress tcp 22 from 2001:db8::10/128: Admin access (port 22) from named addresses",
                "app ingress tcp 22 from 203.0.113.10/32: Admin access (port 22) from named addresses",
                "app ingress tcp 22 from 2001:db8::10/128: Admin access (port 22) from named addresses",
                "web egress tcp 443 to 0.0.0.0/0: OS updates",
                "app egress udp 53 to 10.20.0.0/16: DNS",
            ].sort(),
        );
        for (const g of byType(capture, "aws:ec2/securityGroup:SecurityGroup")) expect((g.inputs.tags as Record<string, string>).team).toBe("crm");
    });
});

describe("TieredSecurityGroups", () => {
    it("creates a rule pair per tier flow, CIDR ingress for outside sources, self flows and ICMP", async () => {
        const capture = await run(() => {
            new TieredSecurityGroups("t", {
                vpcId: pulumi.output("vpc-1"),
                tiers: { edge: { role: "public" }, cache: { role: "data", description: "Redis" } },
                flows: [
                    { from: { cidrs: ["10.1.0.0/16"] }, to: "edge", protocol: "tcp", ports: [{ from: 8000, to: 8010 }], description: "partners" },
                    { from: "edge", to: "cache", protocol: "tcp", ports: 6379, description: "redis" },
                    { from: "cache", to: "cache", protocol: "tcp", ports: 16379, description: "cluster bus" },
                    { from: "internet", to: "edge", protocol: "icmp", ports: [{ type: 3, code: 4 }], description: "path MTU discovery" },
                ],
            });
        });
        expect(ruleLines(capture, "t")).toEqual(
            [
                "edge ingress tcp 8000-8010 from 10.1.0.0/16: partners",
                "cache ingress tcp 6379 from sg:edge: redis",
                "edge egress tcp 6379 to sg:cache: redis",
                "cache ingress tcp 16379 from sg:cache: cluster bus",
                "cache egress tcp 16379 to sg:cache: cluster bus",
                "edge ingress icmp 3-4 from 0.0.0.0/0: path MTU discovery",
                "edge ingress icmp 3-4 from ::/0: path MTU discovery",
            ].sort(),
        );
    });

    it("creates no allow-all egress unless a flow asks for it", async () => {
        const quiet = await run(() => new TieredSecurityGroups("q", { vpcId: "vpc-1", tiers: { a: { role: "web" } }, flows: [] }));
        expect(ruleLines(quiet, "q")).toEqual([]);
        const open = await run(
            () =>
                new TieredSecurityGroups("o", {
                    vpcId: "vpc-1",
                    tiers: { a: { role: "web" } },
                    flows: [],
                    egress: [{ from: "a", to: { cidrs: ["0.0.0.0/0"] }, protocol: "-1", description: "asked for" }],
                }),
        );
        expect(ruleLines(open, "o")).toEqual(["a egress -1 all to 0.0.0.0/0: asked for"]);
    });

    it("reads ports the same way everywhere: a list of ports and ranges, each its own rule", async () => {
        const capture = await run(
            () =>
                new TieredSecurityGroups("p", {
                    vpcId: "vpc-1",
                    tiers: { a: { role: "web" }, b: { role: "app" } },
                    flows: [
                        { from: "a", to: "b", protocol: "tcp", ports: [443, 8443], description: "two ports" },
                        {
                            from: { cidrs: ["10.0.0.0/8"] },
                            to: "b",
                            protocol: "tcp",
                            ports: [{ from: 8000, to: 8100 }, "9000-9001", 7000],
                            description: "mixed",
                        },
                    ],
                    egress: [{ from: "a", to: { cidrs: ["10.0.0.0/8"] }, protocol: "tcp", ports: [443, 8443], description: "two, not 7,001" }],
                }),
        );
        expect(ruleLines(capture, "p").sort()).toEqual(
            [
                "a egress tcp 443 to sg:b: two ports",
                "a egress tcp 8443 to sg:b: two ports",
                "b ingress tcp 443 from sg:a: two ports",
                "b ingress tcp 8443 from sg:a: two ports",
                "b ingress tcp 8000-8100 from 10.0.0.0/8: mixed",
                "b ingress tcp 9000-9001 from 10.0.0.0/8: mixed",
                "b ingress tcp 7000 from 10.0.0.0/8: mixed",
                "a egress tcp 443 to 10.0.0.0/8: two, not 7,001",
                "a egress tcp 8443 to 10.0.0.0/8: two, not 7,001",
            ].sort(),
        );
        const lb = await run(
            () =>
                new ThreeTierSecurityGroups("l", {
                    vpcId: "v",
                    loadBalancer: { ports: [443, { from: 8443, to: 8444 }] },
                    web: { port: 80 },
                    database: { port: 5432 },
                }),
        );
        expect(ruleLines(lb, "l").filter((l) => l.startsWith("loadBalancer ingress") && l.includes("0.0.0.0/0"))).toEqual([
            "loadBalancer ingress tcp 443 from 0.0.0.0/0: HTTPS from clients",
            "loadBalancer ingress tcp 8443-8444 from 0.0.0.0/0: TCP 8443-8444 from clients",
        ]);
    });

    it("accepts protocols as the pack reads them: names in any case, numbers, all", async () => {
        const capture = await run(
            () =>
                new TieredSecurityGroups("q", {
                    vpcId: "vpc-1",
                    tiers: { a: { role: "web" }, b: { role: "app" } },
                    flows: [
                        { from: "a", to: "b", protocol: "TCP", ports: [443], description: "upper case" },
                        { from: "a", to: "b", protocol: 17, ports: [53], description: "udp by number" },
                        { from: "a", to: "b", protocol: "6", ports: [8080], description: "tcp by number text" },
                        { from: "a", to: "b", protocol: "icmp", ports: [{ type: 3, code: 4 }], description: "mtu" },
                    ],
                    egress: [
                        { from: "a", to: { cidrs: ["10.0.0.0/8"] }, protocol: "all", description: "all inside" },
                        { from: "b", to: { cidrs: ["10.0.0.0/8"] }, protocol: 47, description: "GRE inside" },
                    ],
                }),
        );
        const lines = ruleLines(capture, "q");
        expect(lines).toEqual(
            expect.arrayContaining([
                "b ingress tcp 443 from sg:a: upper case",
                "b ingress udp 53 from sg:a: udp by number",
                "b ingress tcp 8080 from sg:a: tcp by number text",
                "b ingress icmp 3-4 from sg:a: mtu",
                "a egress -1 all to 10.0.0.0/8: all inside",
            ]),
        );
        const gre = capture.resources.find((r) => r.name.endsWith("b-to-10.0.0.0-8-proto47"))!;
        expect([gre.inputs.ipProtocol, gre.inputs.fromPort, gre.inputs.toPort]).toEqual(["47", undefined, undefined]);
    });

    it("keeps rule names stable when flows are reordered", async () => {
        const flows = [
            { from: "a", to: "b", protocol: "tcp" as const, ports: 1, description: "one" },
            { from: "b", to: "a", protocol: "udp" as const, ports: 2, description: "two" },
        ];
        const names = async (list: typeof flows) =>
            (await run(() => new TieredSecurityGroups("s", { vpcId: "v", tiers: { a: { role: "web" }, b: { role: "app" } }, flows: list }))).resources
                .map((r) => r.urn)
                .sort();
        expect(await names(flows)).toEqual(await names([...flows].reverse()));
    });
});

describe("refuses bad arguments before creating anything", () => {
    const base = { vpcId: "vpc-1", web: { port: 8080 }, database: { port: 5432 } };
    it.each([
        [{ ...base, admin: { cidrs: ["0.0.0.0/0"], tiers: ["web"] } }, 'admin.cidrs includes "0.0.0.0/0", which is the internet'],
        [{ ...base, admin: { cidrs: ["::/0"], tiers: ["web"] } }, 'admin.cidrs includes "::/0", which is the internet'],
        [
            { ...base, admin: { cidrs: ["0.0.0.0/1", "128.0.0.0/1"], tiers: ["web"] } },
            'admin.cidrs includes "0.0.0.0/1", "128.0.0.0/1", which are the internet',
        ],
        [{ ...base, admin: { cidrs: ["10.0.0.0/8"], tiers: ["app"] } }, 'admin.tiers[0] = "app" but there is no app tier'],
        [{ ...base, admin: { cidrs: ["10.0.0.0/8"], tiers: ["lb"] } }, 'admin.tiers[0] = "lb" is not'],
        [{ ...base, admin: { cidrs: ["10.0.0.256/32"], tiers: ["web"] } }, 'admin.cidrs[0] = "10.0.0.256/32" is not a CIDR'],
        [{ ...base, admin: { cidrs: ["203.0.113.10"], tiers: ["web"] } }, "no prefix length"],
        [{ ...base, web: { port: 70000 } }, "web.port = 70000 is not a port"],
        [{ ...base, database: { port: -1 } }, "database.port = -1 is not a port"],
        [{ ...base, loadBalancer: { ports: [443, 22] } }, "loadBalancer.ports[1] = 22 would open SSH (22) to the internet"],
        [{ ...base, loadBalancer: { ports: [5432] } }, "PostgreSQL (5432) to the internet"],
        [{ ...base, loadBalancer: { ports: [80], http: true } }, "already has 80"],
        [{ ...base, loadBalancer: { cidrs: ["010.0.0.0/8"] } }, "loadBalancer.cidrs[0]"],
        [
            { ...base, egress: { web: [{ cidrs: ["0.0.0.0/0"], protocol: "tcp", ports: { from: 444, to: 443 }, description: "x" }] } },
            'egress.web[0].ports = {"from":444,"to":443} is a reversed range',
        ],
        [{ ...base, egress: { web: [{ cidrs: ["0.0.0.0/0"], protocol: "tcp", ports: 443, description: "" }] } }, "every rule needs a description"],
        [{ ...base, egress: { app: [] } }, "egress.app: there is no app tier"],
        [{ vpcId: "vpc-1", web: { port: 8080 }, databse: { port: 5432 } }, 'databse is not an argument here (did you mean "database"?)'],
        [{ ...base, loadBalancer: { prots: [443] } }, 'loadBalancer.prots is not an argument here (did you mean "ports"?)'],
        [{ ...base, web: { port: 8080, prot: 1 } }, 'web.prot is not an argument here (did you mean "port"?)'],
        [{ ...base, admin: { cidrs: ["203.0.113.10/32"], tiers: ["web"], tier: ["app"] } }, 'admin.tier is not an argument here (did you mean "tiers"?)'],
        [{ ...base, egress: { wbe: [] } }, 'egress.wbe: there is no wbe tier (did you mean "web"?)'],
        [
            { ...base, egress: { web: [{ cidrs: ["10.0.0.0/8"], protocol: "tcp", port: 443, description: "x" }] } },
            'egress.web[0].port is not an argument here (did you mean "ports"?)',
        ],
        [{ ...base, loadBalancer: { sourceCidrs: ["198.51.100.0/24"] } }, "loadBalancer.sourceCidrs was renamed: use cidrs"],
        [
            { ...base, egress: { web: [{ cidr: "0.0.0.0/0", protocol: "tcp", ports: 443, description: "x" }] } },
            "egress.web[0].cidr was renamed: use cidrs (a list",
        ],
        [
            { ...base, egress: { web: [{ cidrs: [], protocol: "tcp", ports: 443, description: "x" }] } },
            "egress.web[0].cidrs = [] must be a non-empty list of CIDRs",
        ],
        [
            { ...base, egress: { web: [{ cidrs: ["10.0.0.0/8", "10.0.0.1/33"], protocol: "tcp", ports: 443, description: "x" }] } },
            'egress.web[0].cidrs[1] = "10.0.0.1/33"',
        ],
    ])("ThreeTierSecurityGroups %#", async (args, message) => {
        let thrown: unknown;
        const capture = await run(() => {
            try {
                new ThreeTierSecurityGroups("bad", args as never);
            } catch (error) {
                thrown = error;
            }
        });
        expect(thrown).toBeInstanceOf(ComponentArgumentError);
        expect((thrown as Error).message).toContain('ThreeTierSecurityGroups "bad"');
        expect((thrown as Error).message).toContain(message);
        expect(capture.resources.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
    });

    const tiers = { lb: { role: "public" as const }, db: { role: "data" as const } };
    it.each([
        [
            { tiers, flows: [{ from: "internet", to: "db", protocol: "tcp", ports: 5432, description: "x" }] },
            "flows[0] would open PostgreSQL (5432) to the internet (0.0.0.0/0, ::/0)",
        ],
        [{ tiers, flows: [{ from: "internet", to: "lb", protocol: "-1", description: "x" }] }, "flows[0] would open SSH (22)"],
        [
            { tiers, flows: [{ from: { cidrs: ["8.0.0.0/8"] }, to: "lb", protocol: "udp", ports: [{ from: 3000, to: 4000 }], description: "x" }] },
            "RDP (3389) to the internet (8.0.0.0/8)",
        ],
        [{ tiers, flows: [{ from: "web", to: "db", protocol: "tcp", ports: 5432, description: "x" }] }, 'flows[0].from = "web" is not a tier'],
        [{ tiers, flows: [{ from: "lb", to: "cache", protocol: "tcp", ports: 6379, description: "x" }] }, 'flows[0].to = "cache" is not a tier'],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: [{ from: 10, to: 5 }], description: "x" }] },
            'flows[0].ports[0] = {"from":10,"to":5} is a reversed range',
        ],
        [{ tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: 65536, description: "x" }] }, "flows[0].ports = 65536 is outside 0-65535"],
        [{ tiers, flows: [], egres: [] }, 'egres is not an argument here (did you mean "egress"?)'],
        [{ tiers: { lb: { role: "public", descripton: "x" } }, flows: [] }, 'tiers["lb"].descripton is not an argument here (did you mean "description"?)'],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", port: 1, description: "x" }] },
            'flows[0].port is not an argument here (did you mean "ports"?)',
        ],
        [
            { tiers, flows: [{ from: { cidr: ["10.0.0.0/8"] }, to: "db", protocol: "tcp", ports: 1, description: "x" }] },
            "flows[0].from.cidr was renamed: use cidrs",
        ],
        [
            { tiers, flows: [], egress: [{ from: "lb", to: { cidrs: ["10.0.0.0/8"], cidr: "10.0.0.0/8" }, protocol: "tcp", ports: 1, description: "x" }] },
            "egress[0].to.cidr was renamed: use cidrs",
        ],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: [{ from: 1, too: 2 }], description: "x" }] },
            'flows[0].ports[0] = {"from":1,"too":2} has "too", which a { from, to } range does not take (did you mean "to"?)',
        ],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: "icmp", ports: [{ type: 3, cod: 4 }], description: "x" }] },
            'has "cod", which { type, code } does not take (did you mean "code"?)',
        ],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: [443, [1, 2]], description: "x" }] },
            "flows[0].ports[1] = [1,2] is not a port, a { from, to } range",
        ],
        [{ tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: [443, "80-"], description: "x" }] }, 'flows[0].ports[1] = "80-" is not a port'],
        [{ tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: ["9-8"], description: "x" }] }, 'flows[0].ports[0] = "9-8" is a reversed range'],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: [-1], description: "x" }] },
            "flows[0].ports[0] = -1 is outside 0-65535 (every port is written { from: 0, to: 65535 })",
        ],
        [{ tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: [], description: "x" }] }, "flows[0].ports = [] lists no port"],
        [{ tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", description: "x" }] }, "flows[0].ports is missing"],
        [{ tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: [443, 443], description: "x" }] }, "flows[0].ports[1] repeats a rule"],
        [
            { tiers, flows: [{ from: "internet", to: "lb", protocol: "tcp", ports: [443, { from: 20, to: 30 }], description: "x" }] },
            "flows[0].ports[1] would open SSH (22), Telnet (23) to the internet",
        ],
        [
            { tiers, flows: [], egress: [{ from: "lb", to: { cidrs: ["10.0.0.0/8"] }, protocol: "-1", ports: [0, 65535], description: "x" }] },
            'egress[0].ports = [0,65535]: protocol "-1" opens every protocol and port, so it takes no ports',
        ],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: "sctp", ports: 1, description: "x" }] },
            'flows[0].protocol = "sctp" is not a protocol: expected "-1"/"all", "tcp", "udp", "icmp", "icmpv6" or a protocol number',
        ],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: 256, ports: 1, description: "x" }] },
            "flows[0].protocol = 256 is not a protocol: protocol numbers run from 0 to 255",
        ],
        [{ tiers, flows: [{ from: "lb", to: "db", protocol: 47, ports: [1], description: "x" }] }, "flows[0].ports = [1]: protocol 47 has no ports"],
        [{ tiers, flows: [{ from: "internet", to: "lb", protocol: "ALL", description: "x" }] }, "flows[0] would open SSH (22)"],
        [
            { tiers, flows: [{ from: "lb", to: "db", protocol: "-1", ports: 22, description: "x" }] },
            'protocol "-1" opens every protocol and port, so it takes no ports',
        ],
        [{ tiers, flows: [{ from: "lb", to: "db", protocol: "tcp", ports: 5432 }] }, "flows[0].description = undefined"],
        [
            { tiers, flows: [{ from: { cidrs: ["10.0.0.0/33"] }, to: "db", protocol: "tcp", ports: 5432, description: "x" }] },
            'flows[0].from.cidrs[0] = "10.0.0.0/33" is not a CIDR',
        ],
        [
            {
                tiers,
                flows: [
                    { from: "lb", to: "db", protocol: "tcp", ports: 1, description: "x" },
                    { from: "lb", to: "db", protocol: "tcp", ports: 1, description: "y" },
                ],
            },
            "flows[1] repeats a rule",
        ],
        [{ tiers: { web: { role: "web" }, Web: { role: "web" } }, flows: [] }, 'tiers["Web"] duplicates tiers["web"]'],
        [{ tiers: { web: { role: "frontend" } }, flows: [] }, 'tiers["web"].role = "frontend" is not one of'],
        [{ tiers: {}, flows: [] }, "tiers = {} must name at least one tier"],
        [{ tiers: { internet: { role: "web" } }, flows: [] }, 'tiers["internet"]'],
        [
            { tiers, flows: [], egress: [{ from: "lb", to: { cidrs: [] }, protocol: "tcp", ports: 443, description: "x" }] },
            "egress[0].to.cidrs = [] must be a non-empty list",
        ],
    ])("TieredSecurityGroups %#", async (args, message) => {
        let thrown: unknown;
        const capture = await run(() => {
            try {
                new TieredSecurityGroups("bad", { vpcId: "vpc-1", ...(args as object) } as never);
            } catch (error) {
                thrown = error;
            }
        });
        expect((thrown as Error)?.message).toContain(message);
        expect(capture.resources.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
    });

    it("reports every problem at once", () => {
        expect(
            () =>
                new TieredSecurityGroups("x", {
                    vpcId: "",
                    tiers: { a: { role: "web" } },
                    flows: [{ from: "b", to: "c", protocol: "tcp", ports: -5, description: "" }],
                }),
        ).toThrow(/vpcId = "" is required[\s\S]*flows\[0\]\.to = "c"[\s\S]*flows\[0\]\.ports = -5[\s\S]*description[\s\S]*flows\[0\]\.from = "b"/);
    });

    it("accepts Output CIDRs, validated when they resolve (refusals: see the CLI test with a fixture program)", async () => {
        const ok = await run(() => {
            new ThreeTierSecurityGroups("late", {
                vpcId: "vpc-1",
                web: { port: 8080 },
                database: { port: 5432 },
                admin: { cidrs: [pulumi.output("2001:db8::7/128")], tiers: ["web"] },
            });
        });
        expect(ruleLines(ok, "late")).toContain("web ingress tcp 22 from 2001:db8::7/128: Admin access (port 22) from named addresses");
    });
});
