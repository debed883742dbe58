import { createGasRuntime, createManualClock, loadBundle } from '../../tools/gas-runtime';
import { writeBundle } from './bundle-fixture';
import { obiNov24 } from './workbook-seeds';

const BUNDLE = `
function readDirectoryTwice() {
  var props = PropertiesService.getUserProperties();
  var first = props.getProperty('directory');
  var second = props.getProperty('directory');
  UrlFetchApp.fetch('https://demo.supabase.co/rest/v1/rpc/directory', { method: 'post', contentType: 'application/json', payload: '{}' });
  UrlFetchApp.fetch('https://demo.supabase.co/rest/v1/rpc/plan', { method: 'post', contentType: 'application/json', payload: '{}' });
  return [first, second];
}
function whoAmI() {
  return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone()];
}
function slowWork() {
  Utilities.sleep(20000);
  Utilities.sleep(20000);
  return PropertiesService.getUserProperties().getProperty('x');
}
`;

describe('GasRuntime', () => {
  const bundle = writeBundle(BUNDLE);
  afterAll(() => bundle.cleanup());

  it('counts every service call the bundle makes', () => {
    const runtime = createGasRuntime({ http: () => ({ status: 200, body: '{}' }), properties: { user: { directory: 'v1' } } });
    expect(loadBundle(runtime, bundle.file).readDirectoryTwice()).toEqual(['v1', 'v1']);
    expect(runtime.callCounts()).toEqual({
      'PropertiesService.getUserProperties': 1,
      'PropertiesService.getUserProperties().getProperty': 2,
      'UrlFetchApp.fetch': 2,
    });
  });

  it('reports the user and script time zone it was created with', () => {
    const runtime = createGasRuntime({ userEmail: 'ann@example.com', activeUserEmail: '', scriptTimeZone: 'Europe/Paris' });
    expect(loadBundle(runtime, bundle.file).whoAmI()).toEqual(['', 'ann@example.com', 'Europe/Paris']);
  });

  it('fails service calls once a card execution has run past 30 s of runtime clock', () => {
    const runtime = createGasRuntime({ clock: createManualClock(), activeSpreadsheet: obiNov24 });
    expect(() => loadBundle(runtime, bundle.file).slowWork()).toThrow('Exceeded maximum execution time');
  });

  it('gives a trigger execution 6 minutes, and restarts the clock for each new execution', () => {
    const clock = createManualClock();
    const runtime = createGasRuntime({ clock, context: 'trigger' });
    const code = loadBundle(runtime, bundle.file);
    expect(code.slowWork()).toBeNull();
    clock.advance(6 * 60_000);
    expect(() => code.slowWork()).toThrow('Exceeded maximum execution time');
    runtime.startExecution();
    expect(code.slowWork()).toBeNull();
  });
});
