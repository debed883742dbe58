import { createGasRuntime, createManualClock, loadBundle } from '../../tools/gas-runtime';
import { writeBundle } from './bundle-fixture';

const BUNDLE = `
function probeGlobals() {
  return ['setTimeout', 'setInterval', 'URL', 'fetch', 'TextEncoder', 'TextDecoder', 'process', 'require', 'Buffer',
    'module', 'structuredClone', 'queueMicrotask', 'SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService',
    'UrlFetchApp', 'ScriptApp', 'Utilities', 'Session', 'Logger', 'console', 'CardService', 'Sheets', 'HtmlService']
    .map(function (n) { return n + ':' + typeof globalThis[n]; });
}
function usesSetTimeout() { setTimeout(function () {}, 1); return 'scheduled'; }
function usesUrl() { return new URL('https://example.com/a').pathname; }
function now() { return Date.now(); }
function newDateNow() { return new Date().getTime(); }
function firstCellIsDate() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getDataRange().getValues();
  return v[0][0] instanceof Date && Array.isArray(v) && v instanceof Array;
}
function catchesServiceErrorAsError() {
  try { SpreadsheetApp.getUi(); return 'no error'; } catch (e) { return (e instanceof Error) + ' ' + String(e); }
}
function localTime() {
  var d = new Date(2024, 10, 1);
  var later = new Date(d.getTime()); later.setDate(later.getDate() + 3);
  return {
    midnight: d.getTime(), hours: new Date(Date.UTC(2024, 10, 1, 4)).getHours(), offset: d.getTimezoneOffset(),
    text: d.toString(), plus3: later.getTime(), parsed: Date.parse('2024-11-01T00:00:00'), isoDate: Date.parse('2024-11-01'),
    zoned: new Date('2024-11-01T00:00:00Z').getTime()
  };
}
function logs() { console.log('hello %s', 'world'); console.error('bad'); Logger.log('n=%s', 3); return Logger.getLog(); }
`;

describe('the sandbox the bundle runs in', () => {
  const bundle = writeBundle(BUNDLE);
  afterAll(() => bundle.cleanup());

  const load = () => {
    const clock = createManualClock(Date.UTC(2024, 10, 1, 15, 0, 0));
    const runtime = createGasRuntime({
      clock,
      activeSpreadsheet: { id: 'sheet-1', name: 'Obi', sheets: [{ name: 'Nov-24', values: [[new Date(Date.UTC(2024, 10, 1, 5))]] }] },
    });
    return { runtime, clock, code: loadBundle(runtime, bundle.file) };
  };

  it('has the Apps Script services and none of the Node globals', () => {
    expect(load().code.probeGlobals()).toEqual([
      'setTimeout:undefined', 'setInterval:undefined', 'URL:undefined', 'fetch:undefined', 'TextEncoder:undefined',
      'TextDecoder:undefined', 'process:undefined', 'require:undefined', 'Buffer:undefined', 'module:undefined',
      'structuredClone:undefined', 'queueMicrotask:undefined', 'SpreadsheetApp:object', 'PropertiesService:object',
      'CacheService:object', 'LockService:object', 'UrlFetchApp:object', 'ScriptApp:object', 'Utilities:object',
      'Session:object', 'Logger:object', 'console:object', 'CardService:object', 'Sheets:object', 'HtmlService:object',
    ]);
  });

  it('fails a bundle that calls setTimeout or URL with a ReferenceError, as Apps Script would', () => {
    const { code } = load();
    expect(() => code.usesSetTimeout()).toThrow('setTimeout is not defined');
    expect(() => code.usesUrl()).toThrow('URL is not defined');
  });

  it('gives the bundle the runtime clock through Date.now() and new Date()', () => {
    const { code, clock } = load();
    expect(code.now()).toBe(Date.UTC(2024, 10, 1, 15, 0, 0));
    clock.advance(25_000);
    expect(code.newDateNow()).toBe(Date.UTC(2024, 10, 1, 15, 0, 25));
  });

  it("runs local-time Date methods in the script's time zone, never the machine's", () => {
    const chicago = loadBundle(createGasRuntime({ scriptTimeZone: 'America/Chicago' }), bundle.file).localTime();
    expect(chicago).toEqual({
      midnight: Date.UTC(2024, 10, 1, 5),
      hours: 23,
      offset: 300,
      text: 'Fri Nov 01 2024 00:00:00 GMT-0500 (Central Daylight Time)',
      plus3: Date.UTC(2024, 10, 4, 6), // across the end of daylight saving time
      parsed: Date.UTC(2024, 10, 1, 5),
      isoDate: Date.UTC(2024, 10, 1),
      zoned: Date.UTC(2024, 10, 1),
    });
    const tokyo = loadBundle(createGasRuntime({ scriptTimeZone: 'Asia/Tokyo' }), bundle.file).localTime();
    expect([tokyo.midnight, tokyo.hours, tokyo.offset]).toEqual([Date.UTC(2024, 9, 31, 15), 13, -540]);
  });

  it('hands the bundle Dates, arrays and errors of its own realm', () => {
    const { code } = load();
    expect(code.firstCellIsDate()).toBe(true);
    expect(code.catchesServiceErrorAsError()).toBe('true Exception: Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('records console and Logger output instead of printing it', () => {
    const { code, runtime } = load();
    expect(code.logs()).toBe('n=3');
    expect(runtime.consoleEntries).toEqual([
      { level: 'log', message: 'hello world' },
      { level: 'error', message: 'bad' },
    ]);
    expect(runtime.logLines).toEqual(['n=3']);
  });

  it('makes HtmlService unusable, as a Workspace add-on has nowhere to show HTML', () => {
    const { runtime } = load();
    const html = runtime.globals.HtmlService as { createHtmlOutput(s: string): unknown };
    expect(() => html.createHtmlOutput('<b>x</b>')).toThrow(
      'HtmlService is not available to a Google Workspace add-on (local runtime).',
    );
  });

  it('explains a missing bundle', () => {
    const { runtime } = load();
    expect(() => loadBundle(runtime, '/nonexistent/dir/Code.js')).toThrow(
      'gas-runtime: no bundle at /nonexistent/dir/Code.js (run npm run build first)',
    );
  });
});
