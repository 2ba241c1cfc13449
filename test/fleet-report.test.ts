import { CONTROLS } from "../catalog/controls";
// The fleet HTML report, rendered in a real headless browser (Debian's chromium, driven by
// playwright-core) and read back from the DOM: what a reader sees must be what was planned.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { checkFleet } from "../fleet/fleet-states";
import { planFleet, type ClientResult } from "../fleet/fleet-plan";
import { fleetHtml } from "../reports/fleet/html";
import { tierDiagram } from "../reports/fleet/tier-diagram";
import { planStack } from "../engine/plan-stack";
import { parseProfile } from "../profile";
import { exampleProfile, minimalProfile } from "./fixtures";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TODAY = "2026-11-22";
const CA_POLICY = "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy";

/** One browser for the file (a launch is ~1 s of CPU); each report gets its own page. */
let launched: Promise<Browser> | undefined;
const browserForFile = () =>
  (launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  }));
afterAll(async () => (await launched)?.close());

const stackYaml = (profile: unknown) => stringify({ config: { "zt-baseline:profile": profile } });

// CI installs Debian's chromium (.ci/run); elsewhere, without a browser, say so rather than pass.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)("fleet HTML report in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "zt-report-"));
  let results: ClientResult[];
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    writeFileSync(join(dir, "Pulumi.contoso.yaml"), stackYaml(exampleProfile()));
    writeFileSync(
      join(dir, "Pulumi.fabrikam.yaml"),
      stackYaml({
        ...minimalProfile(),
        exceptions: [
          {
            policy: "network-no-internet-ingress-beyond-edge",
            resource: "fabrikam-edge-*",
            reason: "legacy partner gateway until the tunnel migration is done",
            approvedBy: "ciso@fabrikam.example",
            expires: "2026-10-31",
          },
        ],
      }),
    );
    const broken = minimalProfile();
    broken.client.name = "tailspin";
    broken.identity = { tenantId: "11111111-2222-4333-8444-555555555555", breakGlass: {} };
    writeFileSync(join(dir, "Pulumi.tailspin.yaml"), stackYaml(broken));
    results = await planFleet({ stacksDir: dir });

    const file = join(dir, "fleet.html");
    writeFileSync(file, fleetHtml(results, { today: TODAY }));
    page = await (await browserForFile()).newPage({ viewport: { width: 1400, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
  }, 120_000);

  afterAll(() => page?.close());

  it("plans the fleet it reports: two clients pass, the broken one fails with its path", () => {
    expect(results.map((r) => [r.stack, !r.failure])).toEqual([
      ["contoso", true],
      ["fabrikam", true],
      ["tailspin", false],
    ]);
  });

  it("is self-contained: the page asks for nothing but itself", async () => {
    expect(requests).toEqual([expect.stringMatching(/^file:\/\/.*fleet\.html$/)]);
    expect(await page.title()).toBe("Zero-trust fleet posture · 3 clients");
  });

  it("shows each control's cell as the Conditional Access policy actually planned for that client", async () => {
    for (const stack of ["contoso", "fabrikam"]) {
      const plan = await planStack(dir, stack);
      const planned = new Map(
        plan.resources
          .filter((r) => r.type === CA_POLICY)
          .map((r) => [
            String(r.inputs.displayName).split("-")[0],
            r.inputs.state === "enabled" ? "enforced" : "report-only",
          ]),
      );
      const cells = await page.$$eval(`#matrix tr[data-stack="${stack}"] td.cell`, (tds) =>
        tds.map((td) => [(td as HTMLElement).dataset.control!, (td as HTMLElement).dataset.state!, td.textContent]),
      );
      const headers = await page.$$eval("#matrix th.control", (ths) => ths.map((th) => th.textContent!));
      expect(cells).toHaveLength(headers.length);
      const shown = new Map(cells.filter(([, state]) => state !== "absent").map(([, state], i) => [i, state]));
      // Every declared cell is a planned policy in that state, and every planned policy has its cell.
      const byCode = new Map(cells.map(([, state], i) => [headers[i]!, state]));
      for (const [code, state] of planned) expect(byCode.get(code!), `${stack} ${code}`).toBe(state);
      expect(shown.size).toBe(planned.size);
      for (const [, state, text] of cells)
        expect(text).toBe({ enforced: "✓", "report-only": "R", absent: "–" }[state!]);
    }
    expect(
      await page.$$eval(`#matrix tr[data-stack="tailspin"] td.cell`, (tds) => tds.map((td) => td.textContent)),
    ).toEqual(Array(CONTROLS.length).fill("?"));
  });

  it("marks the failing client and says why, with the profile path", async () => {
    const row = page.locator('#matrix tr[data-stack="tailspin"] td.result');
    await expect.poll(() => row.textContent()).toBe("FAIL");
    const failure = await page.locator("#client-tailspin .failure").textContent();
    expect(failure).toContain("identity.breakGlass");
    expect(await page.locator("#summary").getAttribute("data-failing")).toBe("1");
    expect(await page.locator("#failing li").allTextContents()).toEqual([
      expect.stringMatching(/^tailspin: Invalid zero-trust profile \(.*Pulumi\.tailspin\.yaml\): \d+ problem/),
    ]);
  });

  it("draws each client's tier graph: a box per tier and the internet, an arrow per allowed flow", async () => {
    for (const r of results.filter((x) => x.profile)) {
      const network = r.profile!.network;
      const svg = page.locator(`#client-${r.stack} svg.tier-graph`);
      const tiers = await svg.locator(".node").evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.tier));
      expect(tiers.sort()).toEqual(["internet", ...network.tiers].sort());
      const pairs = new Set(network.flows.map((f) => `${f.from}>${f.to}`));
      const arrows = await svg
        .locator(".flow")
        .evaluateAll((gs) => gs.map((g) => `${(g as SVGGElement).dataset.from}>${(g as SVGGElement).dataset.to}`));
      expect(new Set(arrows)).toEqual(pairs);
      expect(arrows).toHaveLength(pairs.size);
      // The plan holds exactly what the profile declares: nothing red. Without a cloud
      // (fabrikam declares no network.aws or network.azure) no resource holds the flows.
      expect(await svg.locator(".flow.undeclared").count()).toBe(0);
      const notHeld = await svg.locator(".flow.not-held").count();
      expect(notHeld).toBe(network.aws || network.azure ? 0 : pairs.size);
      // Rendered, not just present: every box has a size and no two boxes overlap.
      const boxes = await svg.locator(".node rect").evaluateAll((rs) =>
        rs.map((r) => {
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, w: b.width, h: b.height };
        }),
      );
      for (const b of boxes) expect(b.w * b.h).toBeGreaterThan(0);
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1))
          expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
  });

  it("lists each client's ZTNA apps with their audiences, and its exceptions with expiry", async () => {
    const apps = exampleProfile().access.apps as { name: string; domain: string }[];
    const rows = await page.$$eval("#client-contoso table.apps tbody tr", (trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.app, tr.children[1]!.textContent]),
    );
    expect(rows).toEqual(apps.map((a) => [a.name, a.domain]));
    const exception = await page.locator("#client-fabrikam table.exceptions tbody tr").textContent();
    expect(exception).toContain("2026-10-31 (expired)");
    expect(await page.locator('#matrix tr[data-stack="fabrikam"] td[data-exceptions]').textContent()).toMatch(
      /1 \(next 2026-10-31, 1 expired\)/,
    );
  });

  it("puts failing clients first in the matrix, and fits a 1366 px screen without cutting columns", async () => {
    const order = await page.$$eval("#matrix tbody tr", (trs) => trs.map((tr) => tr.getAttribute("data-stack")));
    expect(order).toEqual(["tailspin", "contoso", "fabrikam"]);
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      const fit = await page.$eval("#matrix", (table) => {
        const scroll = table.parentElement!;
        return {
          overflow: scroll.scrollWidth - scroll.clientWidth,
          right: table.getBoundingClientRect().right,
          width: document.documentElement.clientWidth,
        };
      });
      expect(fit.overflow).toBeLessThanOrEqual(0);
      expect(fit.right).toBeLessThanOrEqual(fit.width);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it("shows no tier count for a client without a network", async () => {
    const fabrikam = results.find((r) => r.stack === "fabrikam")!.profile!;
    expect(fabrikam.network.aws ?? fabrikam.network.azure).toBeUndefined();
    expect(await page.locator('#matrix tr[data-stack="fabrikam"] td.num').first().textContent()).toBe("–");
  });

  it("produces a full-page screenshot", async () => {
    const png = join(dir, "fleet.png");
    await page.screenshot({ path: png, fullPage: true });
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Full page: taller than the viewport (three client sections), as the IHDR height says.
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(900);
    expect(statSync(png).size).toBeGreaterThan(50_000);
  });
});

describe("tier diagram", () => {
  const network = parseProfile(minimalProfile()).network;

  it("draws every flow, even one naming an endpoint outside the tier list", () => {
    const flows = [
      ...network.flows,
      { from: "partner-vpn", to: "app", protocol: "tcp" as const, ports: [{ from: 443, to: 443 }] },
    ];
    const svg = tierDiagram({ ...network, flows }, "test");
    expect(svg).toContain('data-tier="partner-vpn"');
    expect(svg.match(/<g class="flow /g)).toHaveLength(new Set(flows.map((f) => `${f.from}>${f.to}`)).size);
  });

  it("escapes what it is given", () => {
    expect(tierDiagram(network, '<script>"x"</script>')).toContain(
      'aria-label="&lt;script&gt;&quot;x&quot;&lt;/script&gt;"',
    );
  });
});

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)(
  "fleet HTML report of deployed states (zt fleet check)",
  () => {
    it("shows what is deployed: missing controls, declared flows not held, and drift in red", async () => {
      const dir = mkdtempSync(join(tmpdir(), "zt-report-check-"));
      const states = join(dir, "states");
      mkdirSync(states);
      writeFileSync(join(dir, "Pulumi.example.yaml"), stackYaml(exampleProfile()));
      // A hand-made stack: one security group tagged "web" open to the internet on 22 and 443, no CA policies.
      writeFileSync(
        join(states, "example.json"),
        readFileSync(join(__dirname, "fixtures", "states", "export-hand-written.json"), "utf8").replaceAll(
          "urn:pulumi:prod::",
          "urn:pulumi:example::",
        ),
      );
      const { results } = await checkFleet({ stacksDir: dir, stateDir: states });
      const file = join(dir, "fleet.html");
      writeFileSync(file, fleetHtml(results, { today: TODAY }));
      const page = await (await browserForFile()).newPage();
      try {
        await page.goto(`file://${file}`);
        const states = await page.$$eval('#matrix tr[data-stack="example"] td.cell', (tds) =>
          tds.map((td) => (td as HTMLElement).dataset.state),
        );
        // Every control the profile declares is missing from the empty state; the strict preset's is not declared.
        expect(states.filter((s) => s !== "missing")).toEqual(["absent"]);
        const svg = page.locator("#client-example svg.tier-graph");
        const red = await svg
          .locator(".flow.undeclared")
          .evaluateAll((gs) =>
            gs.map((g) => `${(g as SVGGElement).dataset.from}>${(g as SVGGElement).dataset.to} ${g.textContent}`),
          );
        expect(red).toEqual([
          expect.stringMatching(
            /^internet>web .*tcp 443 \(aws\).*tcp 22 \(aws\)|^internet>web .*tcp 22 \(aws\).*tcp 443 \(aws\)/,
          ),
        ]);
        expect(await svg.locator(".flow.declared").count()).toBe(0);
        expect(await svg.locator(".flow.not-held").count()).toBe(
          new Set(results[0]!.profile!.network.flows.map((f) => `${f.from}>${f.to}`)).size,
        );
      } finally {
        await page.close();
      }
    }, 60_000);
  },
);
