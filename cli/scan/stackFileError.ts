/** A file that is not a stack the scan can read: named, with what is wrong. */
export class StackFileError extends Error {
    constructor(
        readonly file: string,
        reason: string,
    ) {
        super(`${file}: ${reason}`);
    }
}
