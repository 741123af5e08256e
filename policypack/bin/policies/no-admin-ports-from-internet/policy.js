"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noAdminPortsFromInternet = void 0;
const sensitivePorts_1 = require("../../model/sensitivePorts");
const internetSensitivePorts_1 = require("../internetSensitivePorts");
exports.noAdminPortsFromInternet = (0, internetSensitivePorts_1.internetSensitivePortsPolicy)({
    name: "no-admin-ports-from-internet",
    description: "Security groups must not allow ingress from the internet to an admin port (SSH, Telnet, RDP, VNC, WinRM).",
    kind: "admin",
    defaults: sensitivePorts_1.DEFAULT_ADMIN_PORTS,
    portNames: sensitivePorts_1.ADMIN_PORTS,
    why: "Admin ports are the first thing internet scanners probe; one weak password or unpatched service hands over the server.",
    fix: "allow the admin port only from your admin addresses (e.g. 203.0.113.10/32) or a security group of a bastion, or use SSM Session Manager and remove the rule.",
    remediationSteps: "Replace the internet CIDR (0.0.0.0/0, ::/0 or a wide public range) on admin ports with the /32 (or /128) addresses of your administrators, a VPN range, or a bastion's security group; better, use AWS Systems Manager Session Manager and open no admin port at all.",
    tags: ["network", "security-group", "admin-access", "internet-exposure"],
});
