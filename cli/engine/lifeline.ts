/**
 * A child process's tie to tierguard: tierguard gives each child it starts a pipe on one file
 * descriptor and never writes to it. When tierguard ends, however it ends (even killed), the pipe
 * closes and the child stops itself and its process group, so nothing is left behind.
 */
import * as fs from "fs";
import * as net from "net";

/** The descriptor the pipe is on in the child (after stdin, stdout and stderr). */
export const lifelineFd = 3;

/** The variable whose value marks every process a program starts (inherited through the environment). */
export const RUN_ID_VARIABLE = "TIERGUARD_RUN_ID";

/**
 * Kills every process of this user whose environment carries the marker (except the caller): what the
 * program started outside its process group (`detached: true`, a new session), which no group signal
 * reaches. Linux only (/proc); elsewhere the process group is all that is stopped.
 */
export function killMarked(marker: string): void {
    let entries: string[];
    try {
        entries = fs.readdirSync("/proc");
    } catch {
        return;
    }
    const needle = Buffer.from(`${marker}\0`);
    for (const entry of entries) {
        if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
        try {
            if (fs.readFileSync(`/proc/${entry}/environ`).includes(needle)) process.kill(Number(entry), "SIGKILL");
        } catch {
            // Gone, or another user's.
        }
    }
}

/**
 * In a child: stop this process group when the pipe from tierguard closes, and, in the program's
 * process, every process the program started in a session of its own (marked with the run's id).
 * Does not keep the child alive.
 */
export function holdLifeline(fd: number, runId?: string): void {
    let socket: net.Socket;
    try {
        socket = new net.Socket({ fd, readable: true, writable: false });
    } catch {
        return; // Not started by tierguard with a lifeline.
    }
    const stop = () => {
        if (runId) killMarked(`${RUN_ID_VARIABLE}=${runId}`);
        try {
            process.kill(-process.pid, "SIGKILL");
        } catch {
            process.kill(process.pid, "SIGKILL");
        }
    };
    socket.on("end", stop);
    socket.on("error", stop);
    socket.resume();
    socket.unref();
}
