/** Loaded (through NODE_OPTIONS) into the policy pack's process: it stops when tierguard ends, however tierguard ends. */
import { holdLifeline } from "./lifeline";

if (process.env.TIERGUARD_LIFELINE_FD) {
    holdLifeline(Number(process.env.TIERGUARD_LIFELINE_FD));
    delete process.env.TIERGUARD_LIFELINE_FD;
}
