"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noDatabasePortsFromInternet = void 0;
const sensitivePorts_1 = require("../../model/sensitivePorts");
const internetSensitivePorts_1 = require("../internetSensitivePorts");
exports.noDatabasePortsFromInternet = (0, internetSensitivePorts_1.internetSensitivePortsPolicy)({
    name: "no-database-ports-from-internet",
    description: "Security groups must not allow ingress from the internet to a database port.",
    kind: "database",
    defaults: sensitivePorts_1.DEFAULT_DATABASE_PORTS,
    portNames: sensitivePorts_1.DATABASE_PORTS,
    why: "A database reachable from the internet is one leaked or guessed credential (or one unpatched server) away from a data breach.",
    fix: "allow the database port only from the security group of the tier that uses it (web/app), never from a CIDR on the internet.",
    remediationSteps: "Remove the internet CIDR from database ports. In the three-tier model only the app (or web) tier reaches the database: reference that tier's security group as the source instead of an address range.",
    tags: ["network", "security-group", "database", "internet-exposure"],
});
