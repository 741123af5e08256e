"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.internetIngressOnlyOnAllowedPorts = void 0;
const internetAllowList_1 = require("../internetAllowList");
exports.internetIngressOnlyOnAllowedPorts = (0, internetAllowList_1.internetAllowListPolicy)({
    name: "internet-ingress-only-on-allowed-ports",
    description: "Ingress from the internet is allowed only on the allow-listed ports (by default HTTPS on TCP 443, HTTP on TCP 80 for redirects, QUIC on UDP 443).",
    direction: "ingress",
    enforcementLevel: "mandatory",
    severity: "high",
    ...internetAllowList_1.INTERNET_INGRESS_DEFAULTS,
    why: "In a three-tier network only the load balancer faces the internet, and only on the web ports; anything else widens the attack surface.",
    fix: "open only the allow-listed ports to the internet (on the load balancer), reach other ports through security-group references between tiers, or add the port to this policy's allowedTcpPorts/allowedUdpPorts if it is meant to be public.",
    allowAllNote: "A rule that opens everything to the internet exposes every service on the resource.",
    remediationSteps: "Restrict internet-facing rules to the public ports of the load balancer (TCP 443, UDP 443 for QUIC, TCP 80 for redirects). Use security-group references for traffic between tiers. If a service must be public on another port, add it to allowedTcpPorts/allowedUdpPorts in the policy config.",
    tags: ["network", "security-group", "internet-exposure", "three-tier"],
});
