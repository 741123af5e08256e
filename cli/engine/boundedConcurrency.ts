/** Async work with a bound on how much of it is pending at once. */

/** Maps items through an async function with at most `limit` calls pending; results in item order. */
export async function inOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

/** Runs async work with at most `limit` pieces pending at once, in the order it was queued. */
export class WorkQueue {
    private running = 0;
    private readonly waiting: Array<() => void> = [];

    constructor(private readonly limit: number) {}

    async run<T>(work: () => Promise<T>): Promise<T> {
        if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
        this.running++;
        try {
            return await work();
        } finally {
            this.running--;
            this.waiting.shift()?.();
        }
    }
}
