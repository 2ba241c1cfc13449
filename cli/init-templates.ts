// The files `zt init` writes: a Pulumi TypeScript project (as `pulumi new typescript` lays it out)
// whose program is the baseline, its first stack and lockfile, and a pull-request workflow.

/** A lockfile that approves nothing: the base of the pull request that adds the first one. */
export const EMPTY_LOCK = JSON.stringify({
  version: 2,
  networkAllows: [],
  networkDenies: [],
  identity: {},
  namedLocations: {},
  access: {},
  serviceTokens: {},
  privilege: [],
});

/** What the templates are filled with. */
export interface InitValues {
  readonly project: string;
  readonly stack: string;
  /** zt-baseline's dependency spec (a range, a tarball, a git URL) and the Pulumi SDK range it is built against. */
  readonly ztRange: string;
  readonly pulumiRange: string;
}

export const pulumiYaml = (v: InitValues) => `name: ${v.project}
description: A zero-trust baseline (zt-baseline) from one client profile per stack
runtime:
  name: nodejs
  options:
    typescript: true
`;

export const packageJson = (v: InitValues) =>
  `${JSON.stringify(
    {
      name: v.project,
      private: true,
      main: "index.ts",
      scripts: { plan: "zt plan", lock: "zt lock" },
      dependencies: { "@pulumi/pulumi": v.pulumiRange, "zt-baseline": v.ztRange },
      devDependencies: { "@types/node": "^22", typescript: "^5.0.0" },
      engines: { node: ">=22.12" },
    },
    null,
    2,
  )}\n`;

/** Pulumi's TypeScript template's tsconfig (pulumi/templates, typescript/tsconfig.json). */
export const PULUMI_TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "nodenext",
    moduleResolution: "nodenext",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
} as const;

/**
 * `zt init`'s tsconfig: the template's, with declaration files unchecked. `pulumi preview` and
 * `pulumi up` type-check the program on every run (ts-node, unless `noCheck`), and checking the
 * provider SDKs' declarations was ~70% of that (tsc on a new project 4.5 s -> 1.4 s).
 */
export const tsconfigJson = () =>
  `${JSON.stringify(
    {
      ...PULUMI_TEMPLATE_TSCONFIG,
      compilerOptions: { ...PULUMI_TEMPLATE_TSCONFIG.compilerOptions, skipLibCheck: true },
    },
    null,
    2,
  )}\n`;

export const indexTs = (v: InitValues) => `// The client's zero-trust baseline, from the profile in this stack's config
// (${v.project}:profile in Pulumi.<stack>.yaml). \`npx zt-baseline plan --stack <stack>\` plans it offline.
import { declareBaseline } from "zt-baseline";

const baseline = declareBaseline();

// Resources of your own go here, with \`{ provider: baseline.providers.aws }\` (or azuread,
// azure-native, cloudflare): the zero-trust policy pack judges them like the baseline's own.

export = baseline.outputs;
`;

export const gitignore = () => "node_modules/\nbin/\n.zt/\n";

/** Runs on every pull request: offline plan and pack, posture diff, lockfile check, real preview. */
export const prWorkflow = (
  v: InitValues,
) => `# zt-baseline on pull requests: the offline plan and the zero-trust pack, the posture diff against
# the base branch (markdown comment, SARIF), the lockfile check, then a real \`pulumi preview\` with
# the pack from node_modules.
name: zero-trust preview

on:
  pull_request:

permissions:
  contents: read
  pull-requests: write
  security-events: write
  id-token: write # OIDC logins for the preview (AWS, Azure)

env:
  STACK: ${v.stack}

jobs:
  posture:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - name: Offline plan and policy pack
        run: npx zt-baseline plan --stack "$STACK"
      - name: Posture diff against the base branch
        run: |
          if git cat-file -e "origin/\${GITHUB_BASE_REF}:\${STACK}.posture-lock.json" 2>/dev/null; then
            git show "origin/\${GITHUB_BASE_REF}:\${STACK}.posture-lock.json" > base.posture-lock.json
          else
            # The pull request that adds the first lockfile: read against an empty approved posture.
            echo '${EMPTY_LOCK}' > base.posture-lock.json
          fi
          npx zt-baseline diff base.posture-lock.json "plan:\${STACK}" --format sarif --out posture.sarif --stack-file "Pulumi.\${STACK}.yaml" || true
          npx zt-baseline diff base.posture-lock.json "plan:\${STACK}" --format markdown --out posture.md --approved "\${STACK}.posture-lock.json"
      - name: Comment the posture change on the pull request
        if: always()
        run: gh pr comment "\${{ github.event.pull_request.number }}" --body-file posture.md --edit-last || gh pr comment "\${{ github.event.pull_request.number }}" --body-file posture.md
        env:
          GH_TOKEN: \${{ github.token }}
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: posture.sarif
          category: zero-trust-posture
      - name: Lockfile matches the program
        run: npx zt-baseline lock --stack "$STACK" --check

  preview:
    needs: posture
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - run: npx zt-baseline policy-config --stack "$STACK" > policy-config.json
      - uses: pulumi/actions@v6
        with:
          command: preview
          stack-name: \${{ env.STACK }}
          policyPacks: node_modules/zt-baseline/policy-packs/zero-trust
          policyPackConfigs: policy-config.json
          comment-on-pr: true
        env:
          PULUMI_ACCESS_TOKEN: \${{ secrets.PULUMI_ACCESS_TOKEN }}
          ARM_USE_OIDC: "true"
          CLOUDFLARE_API_TOKEN: \${{ secrets.CLOUDFLARE_API_TOKEN }}
`;
