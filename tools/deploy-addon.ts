// npm run deploy [-- --dry-run] [--description TEXT]
// Publishes the current build to the add-on's EXISTING versioned deployment: build, `clasp push --force`, then
// `clasp deploy --deploymentId <id>`, which makes a new version and points that same deployment at it. It never
// creates a deployment: re-pointing an add-on at a new deployment id disables the old one's triggers (DESIGN.md,
// limits table), so without a configured id it refuses. The id comes from PRODUCTION_SYNC_DEPLOYMENT_ID or
// `.deployment.json` ({"deploymentId": "AKfy…"}) at the repo root; `npx clasp deployments` lists the ids.
// Exit 0 on success, 2 when the configuration is missing, else the failing command's status.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..');
const PLACEHOLDERS = ['REPLACE_WITH_YOUR_SCRIPT_ID', 'REPLACE_WITH_YOUR_DEPLOYMENT_ID'];

export interface DeployDeps {
  env: Record<string, string | undefined>;
  readFile(relativePath: string): string | null; // null when absent
  run(command: string, args: string[]): number; // exit status
  out(text: string): void;
  err(text: string): void;
}

const nodeDeps: DeployDeps = {
  env: process.env,
  readFile: (relative) => {
    const file = path.join(REPO_ROOT, relative);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  },
  run: (command, args) => spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' }).status ?? 1,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export function main(argv: string[] = process.argv.slice(2), deps: DeployDeps = nodeDeps): number {
  const dryRun = argv.includes('--dry-run');
  const at = argv.indexOf('--description');
  const description = at >= 0 && argv[at + 1] ? argv[at + 1] : defaultDescription(deps);

  const scriptId = readJson(deps, '.clasp.json')?.scriptId;
  if (typeof scriptId !== 'string' || scriptId === '' || PLACEHOLDERS.includes(scriptId)) {
    deps.err('deploy: .clasp.json has no script id. Put your Apps Script project id in .clasp.json "scriptId" (README, "Pushing and deploying").\n');
    return 2;
  }
  const deploymentId = deps.env.PRODUCTION_SYNC_DEPLOYMENT_ID?.trim() || readJson(deps, '.deployment.json')?.deploymentId;
  if (typeof deploymentId !== 'string' || deploymentId.trim() === '' || PLACEHOLDERS.includes(deploymentId) || /\s/.test(deploymentId)) {
    deps.err(
      'deploy: no deployment id. Set PRODUCTION_SYNC_DEPLOYMENT_ID or write .deployment.json as {"deploymentId": "AKfy…"} ' +
        '(`npx clasp deployments` lists them). This command only updates an existing deployment, never creates one.\n',
    );
    return 2;
  }

  const clasp = path.join('node_modules', '.bin', 'clasp');
  const steps: [string, string[]][] = [
    ['npm', ['run', 'build']],
    [clasp, ['push', '--force']],
    [clasp, ['deploy', '--deploymentId', deploymentId, '--description', description]],
  ];
  for (const [command, args] of steps) {
    deps.out(`${dryRun ? '(dry run) ' : ''}${[command, ...args].join(' ')}\n`);
    if (dryRun) continue;
    const status = deps.run(command, args);
    if (status !== 0) return status;
  }
  return 0;
}

function readJson(deps: DeployDeps, relative: string): Record<string, unknown> | null {
  const text = deps.readFile(relative);
  if (text === null) return null;
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

function defaultDescription(deps: DeployDeps): string {
  const version = readJson(deps, 'package.json')?.version;
  return `Production Sync ${typeof version === 'string' ? version : ''}`.trim();
}

if (require.main === module) process.exit(main());
