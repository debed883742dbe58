import * as fs from 'node:fs';
import * as path from 'node:path';
import * as main from '../../src/main';
import { ACTIONS } from '../../src/ui/actions';
import { createGasRuntime, loadBundle } from '../../tools/gas-runtime';
import { buildBundle, REPO_ROOT, type BuildResult } from './build-bundle';
import { checkEntryPoints, topLevelFunctions } from './entry-point-check';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'appsscript.json'), 'utf8'));
let build: BuildResult;

beforeAll(() => {
  build = buildBundle();
  if (!build.ok) throw new Error(`build failed:\n${build.errors}`);
});
afterAll(() => build?.cleanup());

describe('every name Apps Script calls is a top-level function of the built bundle', () => {
  test('manifest runFunctions, ACTIONS and every setFunctionName target are present, none unchecked', () => {
    const report = checkEntryPoints({ code: build.code, manifest, actions: ACTIONS });
    expect(report.missing).toEqual([]);
    expect(report.unchecked).toEqual([]);
    expect(report.required.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['onFileScopeGranted', 'onHomepage', 'onOpenSettings', 'onRefreshHomepage', 'onRequestFileScope']),
    );
  });

  test('every setFunctionName in the bundle takes its name from ACTIONS, none from a string literal', () => {
    const report = checkEntryPoints({ code: build.code, manifest, actions: ACTIONS });
    const callbacks = report.required.filter((entry) => entry.source.startsWith('setFunctionName('));
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.filter((entry) => !entry.source.startsWith('setFunctionName(ACTIONS.'))).toEqual([]);
  });

  test('the loaded bundle exposes each of them as a global function', () => {
    const bundle = loadBundle(createGasRuntime({ activeSpreadsheet: null }), build.file);
    const names = checkEntryPoints({ code: build.code, manifest, actions: ACTIONS }).required.map((entry) => entry.name);
    expect(names.filter((name) => typeof bundle[name] !== 'function')).toEqual([]);
  });

  test('every ACTIONS name is exported from src/main.ts', () => {
    const exported = main as unknown as Record<string, unknown>;
    expect(Object.values(ACTIONS).filter((name) => typeof exported[name] !== 'function')).toEqual([]);
  });

  test('the bundle is one plain script: no import or export statement left', () => {
    expect(build.code).not.toMatch(/^\s*(import|export)\b/m);
  });

  test('the build copies appsscript.json next to Code.js unchanged', () => {
    expect(fs.readFileSync(path.join(build.dir, 'appsscript.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(REPO_ROOT, 'appsscript.json'), 'utf8'),
    );
  });
});

describe('the check catches what would fail in front of a user', () => {
  test('given a callback renamed by the bundler, then it reports the ACTIONS entry and the call that need it', () => {
    const renamed = build.code.replace('function onRefreshHomepage(', 'function onRefreshHomepage$1(');
    expect(renamed).not.toBe(build.code);
    expect(checkEntryPoints({ code: renamed, manifest, actions: ACTIONS }).missing).toEqual([
      { name: 'onRefreshHomepage', source: 'ACTIONS.refreshHomepage' },
      { name: 'onRefreshHomepage', source: 'setFunctionName(ACTIONS.refreshHomepage)' },
    ]);
  });

  test('given a misspelt manifest runFunction, then it reports where in appsscript.json', () => {
    const broken = JSON.parse(JSON.stringify(manifest));
    broken.addOns.sheets.onFileScopeGrantedTrigger.runFunction = 'onFileScopeGrant';
    expect(checkEntryPoints({ code: build.code, manifest: broken, actions: ACTIONS }).missing).toEqual([
      { name: 'onFileScopeGrant', source: 'appsscript.json.addOns.sheets.onFileScopeGrantedTrigger.runFunction' },
    ]);
  });

  test('given a callback name written as a literal or computed, then it is checked or reported as uncheckable', () => {
    const code = `${build.code}
      function extra(name) {
        CardService.newAction().setFunctionName('onTypo');
        ScriptApp.newTrigger('onHourlySyncMisspelt');
        CardService.newAction().setFunctionName(name);
      }`;
    const report = checkEntryPoints({ code, manifest, actions: ACTIONS });
    expect(report.missing).toEqual([
      { name: 'onTypo', source: "setFunctionName('onTypo')" },
      { name: 'onHourlySyncMisspelt', source: "newTrigger('onHourlySyncMisspelt')" },
    ]);
    expect(report.unchecked).toEqual(['setFunctionName(name)']);
  });

  test('only function declarations count: a top-level const arrow or a nested function is not callable by name', () => {
    const code = 'const onA = () => 1;\nvar onB = function () {};\nfunction onC() { function onD() {} }\nclass onE {}';
    expect([...topLevelFunctions(code)]).toEqual(['onC']);
  });
});
