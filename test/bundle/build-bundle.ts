// Builds the add-on with the real rollup config into a temp dir (tests never write dist/, which a developer's
// `npm run build` owns). Rollup's config is an ES module and jest runs CommonJS, so the build runs in a child
// node process that imports rollup.config.mjs: the same plugins, the same guard, the same output.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface BuildOptions {
  input?: string; // relative to the repo root; default src/main.ts
  include?: string[]; // TypeScript files the build compiles; default src/**/*.ts
}

export interface BuildResult {
  ok: boolean;
  dir: string;
  file: string;
  /** The bundle text, '' when the build failed. */
  code: string;
  /** Rollup's error output when the build failed. */
  errors: string;
  cleanup(): void;
}

export function buildBundle(options: BuildOptions = {}): BuildResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'production-sync-bundle-'));
  const file = path.join(dir, 'Code.js');
  const config = { input: options.input ?? 'src/main.ts', file, include: options.include ?? ['src/**/*.ts'] };
  const script = `
    import { rollup } from 'rollup';
    import { appsScriptConfig } from './rollup.config.mjs';
    const config = appsScriptConfig(${JSON.stringify(config)});
    try {
      const bundle = await rollup(config);
      await bundle.write(config.output);
      await bundle.close();
    } catch (error) {
      process.stderr.write(String(error && error.message));
      process.exit(1);
    }`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  const ok = run.status === 0;
  return {
    ok,
    dir,
    file,
    code: ok ? fs.readFileSync(file, 'utf8') : '',
    errors: ok ? '' : `${run.stderr}${run.error ? String(run.error) : ''}`,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
