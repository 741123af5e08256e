/** " (did you mean "x"?)" for a misspelt name, when one known name is close enough; else "". */

/** The edit distance of two short words. */
function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}

export function didYouMean(given: string, known: readonly string[]): string {
    const best = known.map((name) => ({ name, d: distance(given.trim().toLowerCase(), name.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
    return best && best.d <= Math.max(2, Math.floor(best.name.length / 4)) ? ` (did you mean "${best.name}"?)` : "";
}
