/**
 * The ports the pack treats as admin and database ports, by name: the policies' defaults and the
 * components' refusals come from this one list.
 */
import { PortSet } from "./ports";

export const ADMIN_PORTS: Record<number, string> = { 22: "SSH", 23: "Telnet", 3389: "RDP", 5900: "VNC", 5985: "WinRM (HTTP)", 5986: "WinRM (HTTPS)" };

export const DATABASE_PORTS: Record<number, string> = {
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
export const DEFAULT_ADMIN_PORTS: readonly number[] = Object.keys(ADMIN_PORTS).map(Number);

/** The default database ports. */
export const DEFAULT_DATABASE_PORTS: readonly number[] = Object.keys(DATABASE_PORTS).map(Number);

/** "SSH (22), RDP (3389)" or "ports 8000-8100": the sensitive ports a rule opens, by name where known. */
export function namePorts(ports: PortSet, names: Record<number, string>): string {
    const parts: string[] = [];
    for (const [from, to] of ports) {
        if (to - from < 16) {
            for (let p = from; p <= to; p++) parts.push(names[p] ? `${names[p]} (${p})` : `port ${p}`);
        } else {
            parts.push(`ports ${from}-${to}`);
        }
    }
    const shown = parts.length > 6 ? [...parts.slice(0, 6), `and ${parts.length - 6} more`] : parts;
    return shown.join(", ");
}
