// Review of issue 10 ("tests that load the BUILT dist/Code.js"): the bundle tests build with buildBundle() into a
// temp dir (tests never write dist/). This shows that artifact is byte for byte what `npm run build`'s command line
// (`rollup -c rollup.config.mjs`) writes, only redirected to a temp file — so what the tests load is what ships.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBundle, REPO_ROOT, type BuildResult } from './build-bundle';

const ROLLUP_CLI = path.join(REPO_ROOT, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');

describe('the bundle the tests load is the one npm run build writes', () => {
  let build: BuildResult;
  let dir: string;
  beforeAll(() => {
    build = buildBundle();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'production-sync-cli-build-'));
  });
  afterAll(() => {
    build?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('rollup -c rollup.config.mjs, written to a temp file, equals the test build byte for byte', () => {
    expect([build.ok, build.errors]).toEqual([true, '']);
    const file = path.join(dir, 'Code.js');
    const cli = spawnSync(process.execPath, [ROLLUP_CLI, '-c', 'rollup.config.mjs', '--file', file], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(build.code);
    expect(fs.readFileSync(path.join(dir, 'appsscript.json'), 'utf8')).toBe(fs.readFileSync(path.join(REPO_ROOT, 'appsscript.json'), 'utf8'));
  });
});
