"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_DATABASE_PORTS = exports.DEFAULT_ADMIN_PORTS = exports.DATABASE_PORTS = exports.ADMIN_PORTS = void 0;
exports.namePorts = namePorts;
exports.ADMIN_PORTS = { 22: "SSH", 23: "Telnet", 3389: "RDP", 5900: "VNC", 5985: "WinRM (HTTP)", 5986: "WinRM (HTTPS)" };
exports.DATABASE_PORTS = {
    1433: "SQL Server",
    1434: "SQL Server Browser",
    1521: "Oracle",
    2483: "Oracle",
    2484: "Oracle (TLS)",
    3306: "MySQL/MariaDB",
    5432: "PostgreSQL",
    5439: "Redshift",
    5984: "CouchDB",
    6379: "Redis",
    7000: "Cassandra",
    7001: "Cassandra (TLS)",
    8529: "ArangoDB",
    9042: "Cassandra CQL",
    9200: "Elasticsearch/OpenSearch",
    9300: "Elasticsearch/OpenSearch transport",
    11211: "Memcached",
    27017: "MongoDB",
    27018: "MongoDB",
    27019: "MongoDB",
    28015: "RethinkDB",
    50000: "Db2",
};
/** The default admin ports: 22, 23, 3389, 5900, 5985, 5986. */
exports.DEFAULT_ADMIN_PORTS = Object.keys(exports.ADMIN_PORTS).map(Number);
/** The default database ports. */
exports.DEFAULT_DATABASE_PORTS = Object.keys(exports.DATABASE_PORTS).map(Number);
/** "SSH (22), RDP (3389)" or "ports 8000-8100": the sensitive ports a rule opens, by name where known. */
function namePorts(ports, names) {
    const parts = [];
    for (const [from, to] of ports) {
        if (to - from < 16) {
            for (let p = from; p <= to; p++)
                parts.push(names[p] ? `${names[p]} (${p})` : `port ${p}`);
        }
        else {
            parts.push(`ports ${from}-${to}`);
        }
    }
    const shown = parts.length > 6 ? [...parts.slice(0, 6), `and ${parts.length - 6} more`] : parts;
    return shown.join(", ");
}
