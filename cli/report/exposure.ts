/**
 * How reports show a finding's exposure (policypack/network/ruleExposure.ts): a short tag for text
 * and Markdown, and SARIF's graded `security-severity`.
 *
 * SARIF scores: a reachable finding keeps its policy's score (critical 9.5, high 8.0, medium 5.5, low
 * 3.0); an unknown one is 1.0 lower (critical 8.5: still high); a latent one 3.0 lower (critical 6.5,
 * high 5.0: medium); never below 1.0. GitHub reads ≥ 9.0 as critical, ≥ 7.0 high, ≥ 4.0 medium.
 */
import { Violation } from "../engine/violation";
import { Finding } from "./order";
import { HOP_WORDS } from "../../policypack/network/ruleExposure";
import { securitySeverity, severityOfNumber, SEVERITIES, Severity } from "../../policypack/model/severity";

/** How much lower than the policy's score an exposure is scored. */
export const EXPOSURE_SCORE_DROP: Readonly<Record<NonNullable<Violation["exposure"]>, number>> = { reachable: 0, unknown: 1.0, latent: 3.0 };

/** The violation of a finding that carries its exposure (the violations of one rule share it). */
export function exposed(finding: Finding): Violation | undefined {
    return finding.violations.find((v) => v.exposure !== undefined);
}

/** `reachable`, `latent: no public address`, `exposure unknown`; undefined without an exposure. */
export function exposureTag(v: Violation | undefined): string | undefined {
    if (!v?.exposure) return undefined;
    switch (v.exposure) {
        case "reachable":
            return "reachable";
        case "latent":
            return v.exposureHop ? `latent: ${HOP_WORDS[v.exposureHop]}` : "latent";
        case "unknown":
            return "exposure unknown";
    }
}

/** The words after a graded finding's level: why it is advisory although its policy is mandatory. */
export const GRADED_WORDS = 'graded advisory by internet-exposure latentFindings: "advisory"';

/** SARIF `security-severity` of a finding with an exposure: its policy's score, lowered by how far from reachable it is. */
export function exposureSecuritySeverity(v: Violation): string | undefined {
    if (!v.exposure) return undefined;
    const severity = (SEVERITIES as readonly string[]).includes(v.severity) ? (v.severity as Severity) : severityOfNumber(0);
    const score = Math.max(1, Number(securitySeverity(severity)) - EXPOSURE_SCORE_DROP[v.exposure]);
    return score.toFixed(1);
}
