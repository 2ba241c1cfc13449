import { InvalidArgumentError, Option, type Command } from "commander";
import { isCountryCode } from "../../catalog/countries";
import type { WhatifOptions } from "../actions/whatif";
import { programOption, stackName, stacksDirOption } from "../common";
import { actions } from "../lazy-actions";

const list = (v: string, prev: string[] = []) => [...prev, v];

/** A country Entra knows (what its named locations take), else a usage error naming the flag. */
const country = (v: string) => {
  if (!isCountryCode(v)) throw new InvalidArgumentError(`"${v}" is not an ISO 3166-1 alpha-2 country code (like NL)`);
  return v;
};

export function whatifCommand(program: Command): void {
  program
    .command("whatif")
    .description("evaluate a stack's Conditional Access for one sign-in: blocked, or granted with what")
    .option("-s, --stack <name>", "stack", stackName, "example")
    .addOption(stacksDirOption())
    .addOption(programOption("the Pulumi program whose Conditional Access is evaluated"))
    .option("--user <id>", "user object id", "user")
    .option("--group <id>", "a group the user is in (repeatable)", list, [])
    .option("--role <id>", "a directory role template id the user holds (repeatable)", list, [])
    .option("--guest", "the user is a guest or external user")
    .option("--app <id>", "application id (All: any app)", "All")
    .addOption(
      new Option("--client <type>", "client app type")
        .choices(["browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other"])
        .default("browser"),
    )
    .addOption(
      new Option("--platform <platform>", "device platform")
        .choices(["windows", "macOS", "linux", "iOS", "android", "unknown"])
        .default("windows"),
    )
    .option("--country <code>", "ISO 3166-1 alpha-2 country of the sign-in", country, "unknown")
    .option("--trusted-network", "from a network marked trusted")
    .option("--compliant", "from an Intune-compliant device")
    .option("--hybrid-joined", "from a hybrid Entra-joined device")
    .addOption(new Option("--sign-in-risk <level>").choices(["none", "low", "medium", "high"]).default("none"))
    .addOption(new Option("--user-risk <level>").choices(["none", "low", "medium", "high"]).default("none"))
    .addOption(new Option("--flow <flow>", "authentication flow").choices(["deviceCodeFlow", "authenticationTransfer"]))
    .option("--enforced-only", "ignore report-only policies (what happens today, not once enforced)")
    .option("--json", "print the result as JSON")
    .action(async (o: WhatifOptions) => actions.whatif().whatif(o));
}
