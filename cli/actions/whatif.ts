import { postureOf } from "../../posture/build";
import { whatIf, type SignIn } from "../../posture/whatif";
import { planStack, programModule } from "../../engine/plan-stack";
import { paint } from "../colour";

/** The flags of `zt whatif`, as commander parses them (choices and defaults: cli/commands/whatif.ts). */
export interface WhatifOptions {
  readonly stack: string;
  readonly stacksDir: string;
  readonly program: string;
  readonly user: string;
  readonly group: string[];
  readonly role: string[];
  readonly guest?: boolean;
  readonly app: string;
  readonly client: SignIn["clientApp"];
  readonly platform: SignIn["platform"];
  readonly country: string;
  readonly trustedNetwork?: boolean;
  readonly compliant?: boolean;
  readonly hybridJoined?: boolean;
  readonly signInRisk: SignIn["signInRisk"];
  readonly userRisk: SignIn["userRisk"];
  readonly flow?: SignIn["authenticationFlow"];
  readonly enforcedOnly?: boolean;
  readonly json?: boolean;
}

/** `zt whatif`: the stack's Conditional Access evaluated for one sign-in. */
export async function whatif(o: WhatifOptions): Promise<void> {
  const plan = await planStack(o.stacksDir, o.stack, { program: programModule(o.program) });
  const identity = postureOf(plan.resources).identity;
  const s: SignIn = {
    user: o.user,
    groups: o.group,
    roles: o.role,
    guest: o.guest === true,
    app: o.app,
    clientApp: o.client,
    platform: o.platform,
    country: o.country,
    trustedNetwork: o.trustedNetwork === true,
    deviceCompliant: o.compliant === true,
    hybridJoined: o.hybridJoined === true,
    signInRisk: o.signInRisk,
    userRisk: o.userRisk,
    authenticationFlow: o.flow,
  };
  const r = whatIf(identity, s, { includeReportOnly: o.enforcedOnly !== true });
  if (o.json) {
    process.stdout.write(JSON.stringify(r, null, 2) + "\n");
    return;
  }
  const lines = [
    `zt whatif · stack "${o.stack}" · ${o.enforcedOnly ? "enforced policies only" : "as enforced (report-only policies counted)"}`,
    `  ${r.decision.toUpperCase()}`,
  ];
  for (const q of r.requirements)
    lines.push(`  must present ${q.allOf.length ? q.allOf.join(" AND ") : q.anyOf.join(" OR ")}  (${q.policy})`);
  for (const x of r.sessions) lines.push(`  session: ${x}`);
  if (r.decision === "block") for (const p of r.decidedBy) lines.push(`  blocked by ${p}`);
  process.stdout.write(paint(lines.join("\n") + "\n"));
}
