import type { ClientProfile } from "../../profile/schema";
import type { ClientResult } from "../../fleet/fleet-plan";
import { escapeHtml as h } from "./escape";
import { tierDiagram } from "./tier-diagram";
import { CONTROL_CODES, CONTROL_IDS, controlCells, exceptionsOf, type CellState } from "./view";
import { FLEET_CSS } from "./style";

const MARK: Record<CellState, string> = { enforced: "✓", "report-only": "R", absent: "–", missing: "✗", unknown: "?" };

export interface FleetHtmlOptions {
  /** ISO date the page is about: exceptions past it are shown expired. Defaults to today. */
  readonly today?: string;
}

/**
 * The fleet posture as one self-contained HTML page (inline CSS and SVG, no script, no external
 * asset): the clients x controls matrix, then per client its tier graph, ZTNA apps, exceptions
 * and violations. Safe to attach to a ticket or open from a CI artifact.
 */
export function fleetHtml(results: readonly ClientResult[], opts: FleetHtmlOptions = {}): string {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const failing = results.filter((r) => r.failure).length;
  const resources = results.reduce((n, r) => n + r.resources, 0);
  const mandatory = results.reduce((n, r) => n + r.mandatory, 0);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zero-trust fleet posture · ${results.length} clients</title>
<style>${FLEET_CSS}</style>
</head>
<body>
<header>
<h1>Zero-trust fleet posture</h1>
<p class="summary" id="summary" data-clients="${results.length}" data-failing="${failing}">
<span><b>${results.length}</b> clients</span>
<span class="${failing ? "bad" : "good"}"><b>${failing}</b> failing</span>
<span><b>${resources}</b> resources</span>
<span><b>${mandatory}</b> mandatory violations</span>
<span>as of <time datetime="${h(today)}">${h(today)}</time></span>
</p>
</header>
<main>
${failingList(results)}
${matrix(results, today)}
${results.map((r) => clientSection(r, today)).join("\n")}
</main>
</body>
</html>
`;
}

/** Failing clients first, with why: the reason someone opens the page. */
function failingList(results: readonly ClientResult[]): string {
  const failing = results.filter((r) => r.failure);
  if (!failing.length) return "";
  const items = failing.map(
    (r) => `<li><a href="#client-${h(r.stack)}">${h(r.stack)}</a>: ${h(r.failure!.split("\n")[0]!)}</li>`,
  );
  return `<section id="failing">
<h2>Failing clients</h2>
<ul>${items.join("\n")}</ul>
</section>`;
}

/** Tiers held on some cloud; a client without AWS or Azure has none, whatever its tier model says. */
function tiersCell(r: ClientResult): string {
  if (!r.profile) return "?";
  const { network } = r.profile;
  return network.aws || network.azure ? String(network.tiers.length) : `<span title="no AWS or Azure network">–</span>`;
}

function matrix(results: readonly ClientResult[], today: string): string {
  const head = CONTROL_CODES.map(
    (code, i) =>
      `<th scope="col" class="control" title="${h(CONTROL_IDS[i]!)}" data-control="${h(CONTROL_IDS[i]!)}">${h(code)}</th>`,
  ).join("");
  // Failing clients first (the reason someone opens the page), each group by stack name.
  const ordered = [...results].sort(
    (a, b) => Number(!a.failure) - Number(!b.failure) || a.stack.localeCompare(b.stack),
  );
  const rows = ordered.map((r) => {
    const cells = controlCells(r.profile, r.deployed)
      .map(
        (c) =>
          `<td class="cell ${c.state}" data-control="${h(c.control)}" data-state="${c.state}" title="${h(
            `${c.control}: ${c.state}${c.detail ? ` (${c.detail})` : ""}`,
          )}">${MARK[c.state]}</td>`,
      )
      .join("");
    const exceptions = exceptionsOf(r.profile, today);
    const expired = exceptions.filter((e) => e.expired).length;
    return `<tr data-stack="${h(r.stack)}" class="${r.failure ? "failing" : "passing"}">
<th scope="row"><a href="#client-${h(r.stack)}">${h(r.client ?? r.stack)}</a></th>${cells}
<td class="num">${tiersCell(r)}</td>
<td class="num">${r.profile ? (r.profile.access?.apps.length ?? 0) : "?"}</td>
<td class="num${expired ? " bad" : ""}" data-exceptions="${exceptions.length}">${exceptions.length}${
      exceptions.length
        ? ` <small>(next ${h(exceptions[0]!.expires)}${expired ? `, ${expired} expired` : ""})</small>`
        : ""
    }</td>
<td class="num${r.mandatory ? " bad" : ""}" data-mandatory="${r.mandatory}">${r.mandatory}</td>
<td class="num${r.widening ? " bad" : ""}">${r.widening === undefined ? "no lock" : r.widening}</td>
<td class="result ${r.failure ? "bad" : "good"}">${r.failure ? "FAIL" : "ok"}</td>
</tr>`;
  });
  return `<section id="matrix-section">
<h2>Clients × controls</h2>
<p class="hint">Each Conditional Access control as the client's resources hold it: planned (<code>zt fleet plan</code>) or deployed (<code>zt fleet check</code>).</p>
<p class="legend"><span class="cell enforced">✓</span> enforced <span class="cell report-only">R</span> report-only <span class="cell missing">✗</span> declared, but not held by the resources <span class="cell absent">–</span> not declared (opted out, licence, not configured; hover for why) <span class="cell unknown">?</span> nothing to read</p>
<div class="scroll">
<table id="matrix">
<thead><tr><th scope="col">Client</th>${head}<th scope="col">Tiers</th><th scope="col">Apps</th><th scope="col">Exceptions</th><th scope="col">Mandatory</th><th scope="col">Widening</th><th scope="col">Result</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>
</section>`;
}

function clientSection(r: ClientResult, today: string): string {
  const p = r.profile;
  const title = p?.client.displayName ?? r.client ?? r.stack;
  return `<section class="client ${r.failure ? "failing" : "passing"}" id="client-${h(r.stack)}" data-stack="${h(r.stack)}">
<h2>${h(title)} <small>stack ${h(r.stack)}</small> <span class="badge ${r.failure ? "bad" : "good"}">${r.failure ? "FAIL" : "ok"}</span></h2>
${r.failure ? `<p class="failure">${h(r.failure)}</p>` : ""}
${p ? clientDetails(r, p, today) : `<p>No posture: the profile did not validate.</p>`}
</section>`;
}

function clientDetails(r: ClientResult, p: ClientProfile, today: string): string {
  return [
    `<h3>Tier graph</h3>`,
    `<p class="hint">Every arrow is a flow the resources allow; anything not drawn is denied. <span class="key undeclared">Red</span>: allowed but never declared. <span class="key not-held">Dotted</span>: declared, but no resource allows it (for instance no network.aws or network.azure).</p>`,
    `<div class="scroll">${tierDiagram(p.network, `Tier graph of ${p.client.name}`, r.deployed)}</div>`,
    apps(p),
    exceptions(p, today),
    violations(r),
  ].join("\n");
}

function apps(p: ClientProfile): string {
  const access = p.access;
  if (!access?.apps.length) return `<h3>ZTNA apps</h3><p>No Cloudflare Access apps declared.</p>`;
  const rows = access.apps.map((a) => {
    const audience = [
      ...a.audience.groups.map((g) => `group ${g}`),
      ...a.audience.emailDomains.map((d) => `@${d}`),
      ...a.serviceTokens.map((t) => `service token ${t.name} (${t.duration})`),
    ];
    const checks = [
      "MFA",
      ...(a.devicePosture.length ? [`${a.devicePosture.length} posture rule(s)`] : []),
      ...(a.approval ? [`approval by ${a.approval.approvers.join(", ")}`] : []),
      ...(a.purposeJustification ? ["justification"] : []),
    ];
    return `<tr data-app="${h(a.name)}"><td>${h(a.name)}</td><td>${h(a.domain)}</td><td>${h(a.kind)}</td><td>${h(
      a.tier ?? "–",
    )}</td><td>${audience.map((x) => `<div>${h(x)}</div>`).join("")}</td><td>${h(checks.join(", "))}</td><td>${h(
      a.sessionDuration ?? access.defaultSessionDuration,
    )}</td><td>${a.tunnel ? "tunnel" : "public origin"}</td></tr>`;
  });
  return `<h3>ZTNA apps</h3>
<table class="apps"><thead><tr><th>App</th><th>Domain</th><th>Kind</th><th>Tier</th><th>Audience</th><th>Checks</th><th>Session</th><th>Origin</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function exceptions(p: ClientProfile, today: string): string {
  const list = exceptionsOf(p, today);
  if (!list.length) return `<h3>Exceptions</h3><p>None recorded.</p>`;
  const rows = list.map(
    (e) =>
      `<tr class="${e.expired ? "bad" : ""}"><td>${h(e.policy)}</td><td><code>${h(e.resource)}</code></td><td>${h(
        e.reason,
      )}</td><td>${h(e.approvedBy)}</td><td>${h(e.expires)}${e.expired ? " (expired)" : ""}</td></tr>`,
  );
  return `<h3>Exceptions</h3>
<table class="exceptions"><thead><tr><th>Policy</th><th>Resource</th><th>Reason</th><th>Approved by</th><th>Expires</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function violations(r: ClientResult): string {
  if (!r.violations.length) return `<h3>Violations</h3><p>None.</p>`;
  const sorted = [...r.violations].sort((a, b) =>
    a.enforcementLevel === b.enforcementLevel ? 0 : a.enforcementLevel === "mandatory" ? -1 : 1,
  );
  const rows = sorted.map(
    (d) =>
      `<tr class="violation ${d.enforcementLevel}"><td>${h(d.enforcementLevel)}</td><td>${h(d.policyName)}</td><td><code>${h(
        d.urn?.split("::").pop() ?? "stack",
      )}</code></td><td>${h(d.message)}</td></tr>`,
  );
  return `<h3>Violations</h3>
<table class="violations"><thead><tr><th>Level</th><th>Policy</th><th>Resource</th><th>Message</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}
