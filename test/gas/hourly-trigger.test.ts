// The hourly trigger helpers over the runtime's ScriptApp fake, which enforces the add-on trigger rules.
import { addOnIsAuthorized, ensureHourlyTrigger, hasHourlyTrigger, removeHourlyTrigger, type AuthorizationScriptAppLike, type ScriptAppLike } from '../../src/gas/hourly-trigger';
import { createGasRuntime } from '../../tools/gas-runtime';

const app = (runtime: ReturnType<typeof createGasRuntime>) => runtime.scriptApp as unknown as ScriptAppLike & AuthorizationScriptAppLike;

describe('hourly trigger', () => {
  test('ensure creates one everyHours(1) trigger and is idempotent', () => {
    const runtime = createGasRuntime();
    expect(ensureHourlyTrigger(app(runtime), 'onHourlySync')).toBe('created');
    expect(ensureHourlyTrigger(app(runtime), 'onHourlySync')).toBe('exists');
    expect(runtime.sharedState.triggers.map((t) => [t.handlerFunction, t.intervalMs])).toEqual([['onHourlySync', 3_600_000]]);
    expect(runtime.callCounts()['ClockTriggerBuilder.everyHours']).toBe(1);
    expect(hasHourlyTrigger(app(runtime), 'onHourlySync')).toBe(true);
  });

  test('remove deletes it and reports how many', () => {
    const runtime = createGasRuntime();
    ensureHourlyTrigger(app(runtime), 'onHourlySync');
    expect(removeHourlyTrigger(app(runtime), 'onHourlySync')).toBe(1);
    expect(hasHourlyTrigger(app(runtime), 'onHourlySync')).toBe(false);
    expect(removeHourlyTrigger(app(runtime), 'onHourlySync')).toBe(0);
  });

  test('the authorisation gate follows ScriptApp.getAuthorizationInfo', () => {
    expect(addOnIsAuthorized(app(createGasRuntime({ authorization: 'NOT_REQUIRED' })))).toBe(true);
    expect(addOnIsAuthorized(app(createGasRuntime({ authorization: 'REQUIRED' })))).toBe(false);
  });
});
