/** A policy violation as every report reads it, and how a pack's diagnostic becomes one. */
import { Diagnostic } from "./packProcess";
import { CaptureResult, CapturedResource, STACK_TYPE } from "./capturedStack";
import { driftMessage } from "./drift";
import { ReachEdge } from "../../policypack/network/reachability";
import { severityOfNumber } from "../../policypack/model/severity";
import { Exposure, ExposureHop } from "../../policypack/network/ruleExposure";
import type { ExceptionRef } from "../policyExceptions";

export interface Violation {
    policy: string;
    enforcementLevel: "mandatory" | "advisory";
    severity: string;
    urn: string;
    resourceType: string;
    resourceName: string;
    message: string;
    /** Set when the resource was made by a model of a component (not seen from its provider): the model's source. */
    modeled?: string;
    /**
     * The rule the violation is about, for tierguard's own pack (see ruleFacts.ts): where it sits
     * (`ingress[1]`), in which resource when not this one, its protocol, ports and the peer that matters.
     */
    rule?: string;
    ruleUrn?: string;
    protocol?: string;
    ports?: string;
    peer?: string;
    /** The path the violation names (tierguard's own pack, tier-isolation): graphs draw it in red. Never printed as such. */
    edge?: ReachEdge;
    /**
     * For a resource policy's finding about a rule that admits the internet (tierguard's own pack):
     * whether the internet reaches a resource through the rule today, and why (the path, or the hop
     * missing or not known yet). See policypack/network/ruleExposure.ts.
     */
    exposure?: Exposure;
    exposureReason?: string;
    /** The hop a latent or unknown exposure rests on, for short tags. */
    exposureHop?: ExposureHop;
    /** Set when `internet-exposure`'s `latentFindings: "advisory"` graded a latent finding advisory: the level the pack gave it. */
    gradedFrom?: "mandatory";
    /** Set when only the resource's recorded state (its outputs in a stack export) has this, not its inputs: drift. */
    drift?: true;
    /** Set on a violation a policy exception of the config file waived (it does not count): the exception. */
    exception?: ExceptionRef;
    /** Set on a violation an exception would waive had it not expired (it counts; its message says so). */
    expiredException?: ExceptionRef;
}

/** The protocol's severity numbers (pulumi's PolicySeverity), by number. */

/**
 * A diagnostic of the pack as a violation of a resource of the captured stack (the stack itself when
 * the diagnostic names no resource); `drift` marks one only the resource's recorded state gives.
 */
export function violationOf(diagnostic: Diagnostic, capture: CaptureResult, byUrn: ReadonlyMap<string, CapturedResource>, drift: boolean): Violation {
    const urn = diagnostic.urn || capture.stackUrn;
    const resource = byUrn.get(urn);
    return {
        policy: diagnostic.policyName,
        enforcementLevel: diagnostic.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
        severity: severityOfNumber(diagnostic.severity) ?? "unspecified",
        urn,
        resourceType: resource?.type ?? STACK_TYPE,
        resourceName: resource?.name ?? `${capture.project}-${capture.stack}`,
        message: drift ? driftMessage(diagnostic.message) : diagnostic.message,
        ...(resource?.modeled ? { modeled: resource.modeled.source } : {}),
        ...(drift ? { drift: true as const } : {}),
    };
}
