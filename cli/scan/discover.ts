/**
 * Which files `tierguard scan` reads: each file named, and every `.json` file under each directory
 * named (depth first, by name). While walking, folders linked to are followed once (by real path, so
 * a link back to a folder above ends there); `node_modules` and dot-folders (`.git`, `.pulumi`) are
 * passed over unless named themselves. Nothing is passed over silently: every folder skipped is a
 * note, and every entry that cannot be looked at is an error.
 */
import * as fs from "fs";
import * as path from "path";

export interface Discovery {
    files: string[];
    /** Folders (and links) not walked on purpose, with why. */
    skipped: Array<{ path: string; reason: string }>;
    /** Paths that could not be looked at: `message` starts with the path. */
    errors: Array<{ file: string; message: string }>;
}

/** Why a folder found while walking is not walked, unless it was named. */
function skipReason(name: string): string | undefined {
    if (name === "node_modules") return "node_modules is not scanned unless named (installed packages, not stacks)";
    if (name.startsWith(".")) return "dot-folders are not scanned unless named";
    return undefined;
}

function realPathOf(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        return path.resolve(file);
    }
}

const byName = (a: fs.Dirent, b: fs.Dirent) => a.name.localeCompare(b.name);

export function discoverStackFiles(targets: string[]): Discovery {
    const found: Discovery = { files: [], skipped: [], errors: [] };
    /** Real paths of folders and files already taken, with the path they were first reached by. */
    const taken = new Map<string, string>();

    const takeFile = (file: string) => {
        const real = realPathOf(file);
        const first = taken.get(real);
        if (first !== undefined) found.skipped.push({ path: file, reason: `the same file as ${first}, scanned once` });
        else {
            taken.set(real, file);
            found.files.push(file);
        }
    };

    /** Whether a folder reached by `full` (in the folder whose real path is `parentReal`) is walked; a note if not. */
    const shouldWalk = (full: string, name: string, real: string, parentReal: string): boolean => {
        const reason = skipReason(name);
        const first = taken.get(real);
        if (reason === undefined && first === undefined) {
            taken.set(real, full);
            return true;
        }
        const loop = parentReal === real || parentReal.startsWith(real + path.sep);
        found.skipped.push({
            path: full,
            reason: reason ?? (loop ? `a symlink loop: it leads back to ${first}, already being scanned` : `the same folder as ${first}, scanned once`),
        });
        return false;
    };

    /** A file, or else the folder to walk (undefined for anything not scanned, noted or reported). */
    const visit = (full: string, entry: fs.Dirent, parentReal: string): { dir: string; real: string } | undefined => {
        let isFolder = entry.isDirectory();
        if (entry.isSymbolicLink()) {
            try {
                isFolder = fs.statSync(full).isDirectory();
            } catch (error) {
                const why = brokenLink(error);
                if (entry.name.endsWith(".json")) found.errors.push({ file: full, message: `${full}: it is ${why}` });
                else found.skipped.push({ path: full, reason: why });
                return undefined;
            }
        }
        if (!isFolder) {
            // Anything else named *.json is read as a stack (a pipe or a device is refused then, unopened).
            if (entry.name.endsWith(".json")) takeFile(full);
            return undefined;
        }
        const real = realPathOf(full);
        return shouldWalk(full, entry.name, real, parentReal) ? { dir: full, real } : undefined;
    };

    const walk = (root: string, rootReal: string) => {
        // An explicit stack rather than recursion, so a tree of any depth is walked. A folder's entries
        // are pushed in reverse so they come off in name order, each folder walked in its place among
        // its siblings: the order a recursive walk gives.
        type Work = { dir: string; real: string } | { entry: fs.Dirent; full: string; parentReal: string };
        const pending: Work[] = [{ dir: root, real: rootReal }];
        while (pending.length > 0) {
            const work = pending.pop()!;
            if ("entry" in work) {
                const folder = visit(work.full, work.entry, work.parentReal);
                if (folder) pending.push(folder);
                continue;
            }
            let entries: fs.Dirent[];
            try {
                entries = fs.readdirSync(work.dir, { withFileTypes: true }).sort(byName);
            } catch (error) {
                found.errors.push({ file: work.dir, message: `${work.dir}: cannot list this folder: ${(error as Error).message}` });
                continue;
            }
            for (let i = entries.length - 1; i >= 0; i--)
                pending.push({ entry: entries[i], full: path.join(work.dir, entries[i].name), parentReal: work.real });
        }
    };

    for (const target of targets) {
        let stats: fs.Stats;
        try {
            stats = fs.statSync(target);
        } catch (error) {
            const why = isLink(target)
                ? `it is ${brokenLink(error)}`
                : (error as NodeJS.ErrnoException).code === "ENOENT"
                  ? "it does not exist"
                  : `cannot read it: ${(error as Error).message}`;
            found.errors.push({ file: target, message: `${target}: ${why}` });
            continue;
        }
        if (stats.isDirectory()) {
            const real = realPathOf(target);
            // A folder named is walked whatever its name (node_modules, a dot-folder, "."), but only once.
            if (taken.has(real)) found.skipped.push({ path: target, reason: `the same folder as ${taken.get(real)}, scanned once` });
            else {
                taken.set(real, target);
                walk(target, real);
            }
        } else {
            takeFile(target);
        }
    }
    return found;
}

/** What is wrong with a symlink that stat() could not follow. */
function brokenLink(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return "a symlink loop (links that lead to one another)";
    if (code === "ENOENT") return "a broken symlink (its target does not exist)";
    return `a symlink that cannot be followed (${(error as Error).message})`;
}

function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}
