/**
 * The entry of tierguard's component package (PulumiPlugin.yaml `main`, compiled): it exports nothing,
 * so the SDK's experimental component host never takes over, and serves TierguardProvider.
 */
import * as provider from "@pulumi/pulumi/provider";
import { TierguardProvider } from "./provider";

provider.main(new TierguardProvider(), process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
