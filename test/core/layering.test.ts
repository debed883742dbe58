// Review of issue 10 (DESIGN principle 5, STYLE "the arrows run one way"): src/core touches no Apps Script global
// and imports nothing from gas, ui or main; tools/ never imports src/gas. tsconfig.json loads the Apps Script types
// for every file, so the compiler would not notice a core file calling SpreadsheetApp: this test does.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService', 'UrlFetchApp', 'ScriptApp', 'Utilities',
  'Session', 'Logger', 'CardService', 'HtmlService', 'Sheets', 'DriveApp', 'ContentService',
];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(full);
    return /\.(ts|mts|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** Code without comments and string contents, so a sentence mentioning SpreadsheetApp is not a use of it. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) =>
    m.startsWith('/') ? ' ' : m[0] + m[0],
  );
}

function appsScriptGlobalsUsed(source: string): string[] {
  const code = codeOnly(source);
  return APPS_SCRIPT_GLOBALS.filter((name) => new RegExp(`(?<![\\w.$])${name}\\s*\\.`).test(code));
}

const importsOf = (source: string) => [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);

const relative = (file: string) => path.relative(ROOT, file);
const resolvedImports = (file: string) =>
  importsOf(fs.readFileSync(file, 'utf8'))
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.relative(ROOT, path.resolve(path.dirname(file), spec)));

describe('layering', () => {
  const coreFiles = tsFiles(path.join(ROOT, 'src', 'core'));

  it('finds the core files it checks', () => {
    expect(coreFiles.length).toBeGreaterThan(20);
  });

  it('src/core uses no Apps Script global', () => {
    expect(coreFiles.map((f) => [relative(f), appsScriptGlobalsUsed(fs.readFileSync(f, 'utf8'))]).filter(([, used]) => used.length > 0)).toEqual([]);
  });

  it('src/core imports nothing from src/gas, src/ui or src/main', () => {
    const outward = coreFiles.flatMap((f) => resolvedImports(f).filter((to) => /^src\/(gas|ui|main)(\/|$)/.test(to)).map((to) => `${relative(f)} -> ${to}`));
    expect(outward).toEqual([]);
  });

  it('tools/ never imports src/gas', () => {
    const toGas = tsFiles(path.join(ROOT, 'tools')).flatMap((f) => resolvedImports(f).filter((to) => to.startsWith('src/gas')).map((to) => `${relative(f)} -> ${to}`));
    expect(toGas).toEqual([]);
  });

  it('would catch a core file calling a service, but not a comment or a message naming one', () => {
    expect(appsScriptGlobalsUsed('const ss = SpreadsheetApp.getActiveSpreadsheet();\nUtilities .sleep(1);')).toEqual(['SpreadsheetApp', 'Utilities']);
    expect(appsScriptGlobalsUsed("// SpreadsheetApp.getActive\nconst m = 'call Logger.log'; /* CacheService.x */ x.Session.y;")).toEqual([]);
  });
});
