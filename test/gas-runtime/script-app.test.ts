import { createGasRuntime, createManualClock, createSharedState, loadBundle } from '../../tools/gas-runtime';
import { writeBundle } from './bundle-fixture';
import { obiNov24 } from './workbook-seeds';

describe('ScriptApp fake: add-on triggers', () => {
  it('refuses a trigger more frequent than hourly for an add-on', () => {
    const { scriptApp } = createGasRuntime({ activeSpreadsheet: obiNov24 });
    expect(() => scriptApp.newTrigger('onHourlySync').timeBased().everyMinutes(30)).toThrow(
      'Add-ons can not create time-based triggers that run more frequently than once per hour.',
    );
    expect(() => scriptApp.newTrigger('onHourlySync').timeBased().everyHours(0)).toThrow('Invalid argument: hours');
  });

  it('allows one time-based trigger per user per document and refuses the second', () => {
    const sharedState = createSharedState();
    const ann = createGasRuntime({ sharedState, userEmail: 'ann@example.com', activeSpreadsheet: obiNov24 });
    const t = ann.scriptApp.newTrigger('onHourlySync').timeBased().everyHours(1).create();
    expect([t.getHandlerFunction(), t.getEventType(), t.getTriggerSource()]).toEqual(['onHourlySync', 'CLOCK', 'CLOCK']);
    expect(() => ann.scriptApp.newTrigger('other').timeBased().everyHours(2).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    const bob = createGasRuntime({ sharedState, userEmail: 'bob@example.com', activeSpreadsheet: obiNov24 });
    bob.scriptApp.newTrigger('onHourlySync').timeBased().everyHours(1).create();
    expect(ann.scriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    ann.scriptApp.deleteTrigger(t);
    expect(ann.scriptApp.getProjectTriggers()).toEqual([]);
    expect(bob.scriptApp.getProjectTriggers()).toHaveLength(1);
  });

  it('caps a user at 20 triggers per script', () => {
    const { scriptApp } = createGasRuntime({ isAddOn: false });
    for (let i = 0; i < 20; i++) scriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(() => scriptApp.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  it('reports the authorization status it was given, with a URL only when authorization is required', () => {
    const ok = createGasRuntime().scriptApp;
    const info = ok.getAuthorizationInfo(ok.AuthMode.FULL);
    expect([info.getAuthorizationStatus(), info.getAuthorizationUrl()]).toEqual([ok.AuthorizationStatus.NOT_REQUIRED, null]);
    const needs = createGasRuntime({ authorization: 'REQUIRED', scriptId: 'abc' }).scriptApp.getAuthorizationInfo('FULL');
    expect([needs.getAuthorizationStatus(), needs.getAuthorizationUrl()]).toEqual([
      'REQUIRED',
      'https://script.google.com/macros/d/abc/authorize',
    ]);
  });
});

describe('firing due triggers', () => {
  const bundle = writeBundle(`
function onHourlySync(e) {
  var status = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
  var runs = Number(PropertiesService.getUserProperties().getProperty('runs') || '0') + 1;
  PropertiesService.getUserProperties().setProperty('runs', String(runs));
  return { uid: e.triggerUid, hour: e.hour, status: String(status), active: SpreadsheetApp.getActiveSpreadsheet() };
}
function installHourly() { return ScriptApp.newTrigger('onHourlySync').timeBased().everyHours(1).create().getUniqueId(); }
`);
  afterAll(() => bundle.cleanup());

  it('calls the handler of each due trigger in a trigger context, with a time-driven event, once per due run', () => {
    const sharedState = createSharedState();
    const clock = createManualClock(Date.UTC(2024, 11, 2, 9, 30));
    const card = createGasRuntime({ sharedState, clock, activeSpreadsheet: obiNov24 });
    const uid = loadBundle(card, bundle.file).installHourly();

    const trigger = createGasRuntime({ sharedState, clock, context: 'trigger', authorization: 'REQUIRED' });
    const code = loadBundle(trigger, bundle.file);
    expect(trigger.fireDueTriggers(code)).toEqual([]);
    clock.advance(3_600_000);
    expect(trigger.fireDueTriggers(code)).toEqual([
      { uniqueId: uid, handlerFunction: 'onHourlySync', ok: true, result: { uid, hour: 10, status: 'REQUIRED', active: null } },
    ]);
    expect(trigger.fireDueTriggers(code)).toEqual([]);
    expect(trigger.properties.getUserProperties().getProperty('runs')).toBe('1');
  });

  it('refuses to fire from a card-context runtime', () => {
    const card = createGasRuntime();
    expect(() => card.fireDueTriggers({})).toThrow('gas-runtime: fire triggers from a runtime created with context: "trigger"');
  });
});
