/**
 * Managed prefix lists defined in a stack: their entries as CIDR peers of the model, whether written
 * inline (`entries`) or as standalone entry resources. A rule that names a prefix list opens its
 * ports to every address of every entry, so the entries are what policies judge.
 */
import { Peer, cidrPeer } from "../model/rule";
import { field, isUnknown, readList } from "../model/propertyReaders";
import { Unresolved, malformedAt, unknownAt } from "../model/unresolved";

export const AWS_PREFIX_LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
export const AWS_PREFIX_LIST_ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";
export const NATIVE_PREFIX_LIST = "aws-native:ec2:PrefixList";

export const PREFIX_LIST_TYPES: ReadonlySet<string> = new Set([AWS_PREFIX_LIST, NATIVE_PREFIX_LIST]);

/** The output holding a prefix list's id besides the resource id (aws-native names it). */
export const PREFIX_LIST_ID_PROPERTIES: readonly string[] = ["id", "prefixListId"];

/** The property of a standalone entry resource naming its list. */
export const PREFIX_LIST_ENTRY_LIST_PROPERTY = "prefixListId";

export interface PrefixListEntries {
    /** One CIDR peer per entry; unknown or malformed entries are unresolved peers. */
    entries: Peer[];
    /** Set when the entry list as a whole cannot be read (e.g. unknown during a preview). */
    unreadable?: Unresolved;
}

/** The inline entries of a prefix list (`entries[*].cidr`, the same shape in both providers). */
export function inlinePrefixListEntries(props: unknown): PrefixListEntries {
    const list = readList(field(props, "entries"), "entries");
    if (list === undefined) return { entries: [] };
    if (!Array.isArray(list)) return { entries: [], unreadable: list };
    return { entries: list.map((entry, i) => entryPeer(entry, `entries[${i}]`)) };
}

/** A standalone `aws.ec2.ManagedPrefixListEntry`: one CIDR; `property` names it in messages about its list. */
export function standalonePrefixListEntry(props: unknown, property = "cidr"): Peer {
    return cidrPeer(field(props, "cidr"), property);
}

function entryPeer(entry: unknown, path: string): Peer {
    if (isUnknown(entry)) return { kind: "unresolved", unresolved: unknownAt(path), property: path };
    const cidr = field(entry, "cidr");
    if (cidr === undefined) return { kind: "unresolved", unresolved: malformedAt(`${path}.cidr`, cidr, "missing"), property: `${path}.cidr` };
    return cidrPeer(cidr, `${path}.cidr`);
}
