"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noUnrestrictedEgress = void 0;
const internetAllowList_1 = require("../internetAllowList");
exports.noUnrestrictedEgress = (0, internetAllowList_1.internetAllowListPolicy)({
    name: "no-unrestricted-egress",
    description: "Egress to the internet is allowed only on the allow-listed ports (by default HTTPS on TCP 443); no allow-all egress.",
    direction: "egress",
    enforcementLevel: "advisory",
    severity: "medium",
    tcpDefaults: [443],
    udpDefaults: [],
    why: "Open egress lets a compromised server download tools and exfiltrate data anywhere.",
    fix: "declare explicit egress rules for what the service needs (e.g. TCP 443 to the internet, the database port to the data tier's security group) instead of allow-all.",
    allowAllNote: "This is the rule AWS creates by default; keeping it means the group places no limit on outbound traffic.",
    remediationSteps: "Replace allow-all egress (protocol -1 to 0.0.0.0/0 or ::/0) with explicit rules: HTTPS to the internet where needed, and security-group references to the next tier. For aws-native security groups, declare securityGroupEgress so AWS removes its default allow-all rule.",
    tags: ["network", "security-group", "egress"],
});
