import { main, type DeployDeps } from '../../tools/deploy-addon';

function deps(files: Record<string, string>, env: Record<string, string> = {}, statuses: number[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const ran: string[] = [];
  const d: DeployDeps = {
    env,
    readFile: (p) => files[p] ?? null,
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      return statuses.shift() ?? 0;
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  return { d, out, err, ran };
}

const CLASP = JSON.stringify({ scriptId: '1abcScriptId', rootDir: 'dist' });
const PKG = JSON.stringify({ version: '0.1.0' });

describe('npm run deploy', () => {
  test('given no deployment id, then it refuses (exit 2) and runs nothing', () => {
    const { d, err, ran } = deps({ '.clasp.json': CLASP, 'package.json': PKG });
    expect(main([], d)).toBe(2);
    expect(ran).toEqual([]);
    expect(err.join('')).toBe(
      'deploy: no deployment id. Set PRODUCTION_SYNC_DEPLOYMENT_ID or write .deployment.json as {"deploymentId": "AKfy…"} ' +
        '(`npx clasp deployments` lists them). This command only updates an existing deployment, never creates one.\n',
    );
  });

  test('given the placeholder script id, then it refuses (exit 2)', () => {
    const { d, err, ran } = deps({ '.clasp.json': JSON.stringify({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' }) }, {
      PRODUCTION_SYNC_DEPLOYMENT_ID: 'AKfyDeploy1',
    });
    expect(main([], d)).toBe(2);
    expect(ran).toEqual([]);
    expect(err.join('')).toContain('deploy: .clasp.json has no script id.');
  });

  test('given a deployment id in .deployment.json, then it builds, pushes and updates that deployment', () => {
    const { d, ran } = deps({ '.clasp.json': CLASP, 'package.json': PKG, '.deployment.json': '{"deploymentId":"AKfyDeploy1"}' });
    expect(main([], d)).toBe(0);
    expect(ran).toEqual([
      'npm run build',
      'node_modules/.bin/clasp push --force',
      'node_modules/.bin/clasp deploy --deploymentId AKfyDeploy1 --description Production Sync 0.1.0',
    ]);
  });

  test('the environment overrides the file, and --dry-run only prints', () => {
    const { d, out, ran } = deps(
      { '.clasp.json': CLASP, '.deployment.json': '{"deploymentId":"AKfyFromFile"}' },
      { PRODUCTION_SYNC_DEPLOYMENT_ID: 'AKfyFromEnv' },
    );
    expect(main(['--dry-run', '--description', 'hotfix'], d)).toBe(0);
    expect(ran).toEqual([]);
    expect(out.join('')).toBe(
      '(dry run) npm run build\n(dry run) node_modules/.bin/clasp push --force\n' +
        '(dry run) node_modules/.bin/clasp deploy --deploymentId AKfyFromEnv --description hotfix\n',
    );
  });

  test('a failing step stops the rest and its status is the exit status', () => {
    const { d, ran } = deps({ '.clasp.json': CLASP, '.deployment.json': '{"deploymentId":"AKfyDeploy1"}' }, {}, [0, 1]);
    expect(main([], d)).toBe(1);
    expect(ran).toEqual(['npm run build', 'node_modules/.bin/clasp push --force']);
  });
});
