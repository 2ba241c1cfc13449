/** The fleet page's only stylesheet, inlined so the page stands alone. */
export const FLEET_CSS = `
:root { --bad: #b42318; --good: #067647; --muted: #667085; --line: #d0d5dd; --enf: #d1fadf; --ro: #fef0c7; --abs: #f2f4f7; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #101828; margin: 0; }
header { padding: 20px 20px 8px; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 6px; font-size: 22px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
h2 small { color: var(--muted); font-weight: normal; font-size: 13px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
main { padding: 0 20px 40px; }
.summary span { margin-right: 18px; }
.bad { color: var(--bad); }
.good { color: var(--good); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 4px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f9fafb; position: sticky; top: 0; }
#matrix th, #matrix td { padding: 3px 5px; }
#matrix tbody th { max-width: 14em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
/* Codes read bottom-up: a column is as narrow as its cells, so 18 controls fit a 1366 px screen. */
#matrix th.control { font-size: 11px; padding: 4px 2px; writing-mode: vertical-rl; transform: rotate(180deg); }
#matrix td.cell, .legend .cell { text-align: center; width: 30px; font-weight: 600; }
#matrix td.num small { display: block; color: var(--muted); }
.cell.enforced { background: var(--enf); }
.cell.report-only { background: var(--ro); }
.cell.absent { background: var(--abs); color: var(--muted); }
.cell.missing { background: #fee4e2; color: var(--bad); }
.cell.unknown { background: #f2f4f7; color: var(--muted); }
.legend .cell { display: inline-block; border: 1px solid var(--line); margin: 0 4px 0 12px; }
.legend .cell:first-child { margin-left: 0; }
td.num { text-align: right; white-space: nowrap; }
td.result { font-weight: 700; }
tr.failing th a { color: var(--bad); }
.badge { font-size: 12px; padding: 2px 8px; border-radius: 10px; border: 1px solid currentColor; vertical-align: middle; }
.failure { color: var(--bad); background: #fef3f2; border-left: 3px solid var(--bad); padding: 8px 12px; white-space: pre-wrap; }
#failing li { color: var(--bad); }
section.client { border-top: 1px solid var(--line); margin-top: 24px; }
.hint { color: var(--muted); margin: 0 0 4px; }
.tier-graph { color: #344054; font-size: 12px; }
.tier-graph .node rect { fill: #eef4ff; stroke: #3538cd; }
.tier-graph .node.internet rect { fill: #fff; stroke: #667085; stroke-dasharray: 4 3; }
.tier-graph .node.management rect { fill: #f4f3ff; stroke: #6938ef; }
.tier-graph .node text { font-weight: 600; fill: #101828; }
.tier-graph .flow path { fill: none; stroke: currentColor; stroke-width: 1.4; }
.tier-graph .head.declared { fill: #344054; }
.tier-graph .head.undeclared { fill: var(--bad); }
.tier-graph .flow.not-held path { stroke-dasharray: 2 4; stroke: var(--muted); }
.tier-graph .flow.undeclared path { stroke: var(--bad); stroke-dasharray: 6 3; stroke-width: 1.8; }
.tier-graph .flow.undeclared text { fill: var(--bad); font-weight: 600; }
.key.undeclared { color: var(--bad); font-weight: 600; }
.key.not-held { border-bottom: 2px dotted var(--muted); }
.tier-graph .flow text { fill: #344054; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
tr.violation.mandatory td:first-child { color: var(--bad); font-weight: 600; }
tr.bad td { color: var(--bad); }
code { font-size: 12px; }
@media print { thead th { position: static; } .scroll { overflow: visible; } }
`;
