/** A problem with the command line or the program's files: exit code 2, message shown as is. */
export class UsageError extends Error {}
