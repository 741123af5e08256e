/**
 * A policy's configuration problems are the kit's, whatever the policy: a value it cannot read, a key it
 * does not have, an exemption it cannot apply is reported once per stack as mandatory, naming the key
 * and value, while the policy judges with the (safe) default meanwhile.
 */
import { TYPES, check, policy, sgWithIngress, tcp } from "../helpers";
import { configProblems } from "../../policypack/kit/define";

const ADMIN = "no-admin-ports-from-internet";

it("reports invalid config once, as mandatory, naming the key and value, and uses the (safe) default meanwhile", () => {
    const config = { ports: ["ssh"], typo: 1, exemptions: [{ resource: "web" }] };
    const reports = check(ADMIN, TYPES.sg, sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/0"] })), config);
    expect(reports.map((r) => r.message).join("\n")).toContain("SSH (22) open to the internet");
    expect(reports.map((r) => r.message).join("\n")).not.toContain("Invalid configuration");
    const problems = configProblems(policy(ADMIN), config);
    expect(problems.map((p) => p.message)).toEqual([
        'Invalid configuration of policy no-admin-ports-from-internet: config "ports": item [0] = "ssh" is not a port (0-65535) or a "from-to" range; the default [22,23,3389,5900,5985,5986] is used instead.',
        'Invalid configuration of policy no-admin-ports-from-internet: config "typo" is not a setting of this policy (its settings: ports, internetPrefixV4, internetPrefixV6, unknownValues, exemptions).',
        'Invalid exemption in the configuration of policy no-admin-ports-from-internet: exemptions[0] for "web" has no reason; an exemption needs a reason to be applied. It is not applied.',
    ]);
    expect(problems.every((p) => p.enforcementLevel === "mandatory")).toBe(true);
});
