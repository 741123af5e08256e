/**
 * A child process's tie to tierguard: tierguard gives each child it starts a pipe on one file
 * descriptor and never writes to it. When tierguard ends, however it ends (even killed), the pipe
 * closes and the child stops itself and its process group, so nothing is left behind.
 */
import * as net from "net";

/** The descriptor the pipe is on in the child (after stdin, stdout and stderr). */
export const lifelineFd = 3;

/** In a child: stop this process group when the pipe from tierguard closes. Does not keep the child alive. */
export function holdLifeline(fd: number): void {
    let socket: net.Socket;
    try {
        socket = new net.Socket({ fd, readable: true, writable: false });
    } catch {
        return; // Not started by tierguard with a lifeline.
    }
    const stop = () => {
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
