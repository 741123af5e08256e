"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PREFIX_LIST_ENTRY_LIST_PROPERTY = exports.PREFIX_LIST_ID_PROPERTIES = exports.PREFIX_LIST_TYPES = exports.NATIVE_PREFIX_LIST = exports.AWS_PREFIX_LIST_ENTRY = exports.AWS_PREFIX_LIST = void 0;
exports.inlinePrefixListEntries = inlinePrefixListEntries;
exports.standalonePrefixListEntry = standalonePrefixListEntry;
/**
 * Managed prefix lists defined in a stack: their entries as CIDR peers of the model, whether written
 * inline (`entries`) or as standalone entry resources. A rule that names a prefix list opens its
 * ports to every address of every entry, so the entries are what policies judge.
 */
const rule_1 = require("../model/rule");
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
exports.AWS_PREFIX_LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
exports.AWS_PREFIX_LIST_ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";
exports.NATIVE_PREFIX_LIST = "aws-native:ec2:PrefixList";
exports.PREFIX_LIST_TYPES = new Set([exports.AWS_PREFIX_LIST, exports.NATIVE_PREFIX_LIST]);
/** The output holding a prefix list's id besides the resource id (aws-native names it). */
exports.PREFIX_LIST_ID_PROPERTIES = ["id", "prefixListId"];
/** The property of a standalone entry resource naming its list. */
exports.PREFIX_LIST_ENTRY_LIST_PROPERTY = "prefixListId";
/** The inline entries of a prefix list (`entries[*].cidr`, the same shape in both providers). */
function inlinePrefixListEntries(props) {
    const list = (0, propertyReaders_1.readList)((0, propertyReaders_1.field)(props, "entries"), "entries");
    if (list === undefined)
        return { entries: [] };
    if (!Array.isArray(list))
        return { entries: [], unreadable: list };
    return { entries: list.map((entry, i) => entryPeer(entry, `entries[${i}]`)) };
}
/** A standalone `aws.ec2.ManagedPrefixListEntry`: one CIDR; `property` names it in messages about its list. */
function standalonePrefixListEntry(props, property = "cidr") {
    return (0, rule_1.cidrPeer)((0, propertyReaders_1.field)(props, "cidr"), property);
}
function entryPeer(entry, path) {
    if ((0, propertyReaders_1.isUnknown)(entry))
        return { kind: "unresolved", unresolved: (0, unresolved_1.unknownAt)(path), property: path };
    const cidr = (0, propertyReaders_1.field)(entry, "cidr");
    if (cidr === undefined)
        return { kind: "unresolved", unresolved: (0, unresolved_1.malformedAt)(`${path}.cidr`, cidr, "missing"), property: `${path}.cidr` };
    return (0, rule_1.cidrPeer)(cidr, `${path}.cidr`);
}
