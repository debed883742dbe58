// The hourly trigger helpers over the runtime's ScriptApp fake, which enforces the add-on trigger rules.
import { addOnIsAuthorized, hasHourlyTrigger, removeHourlyTrigger, type AuthorizationScriptAppLike, type ScriptAppLike } from '../../src/gas/hourly-trigger';
import { createGasRuntime } from '../../tools/gas-runtime';

const app = (runtime: ReturnType<typeof createGasRuntime>) => runtime.scriptApp as unknown as ScriptAppLike & AuthorizationScriptAppLike;

describe('hourly trigger', () => {
  const install = (runtime: ReturnType<typeof createGasRuntime>) => app(runtime).newTrigger('onHourlySync').timeBased().everyHours(1).create();

  test('finds the hourly clock trigger of its handler, and only that one', () => {
    const runtime = createGasRuntime();
    expect(hasHourlyTrigger(app(runtime), 'onHourlySync')).toBe(false);
    install(runtime);
    expect(hasHourlyTrigger(app(runtime), 'onHourlySync')).toBe(true);
    expect(hasHourlyTrigger(app(runtime), 'onSomethingElse')).toBe(false);
  });

  test('remove deletes it and reports how many', () => {
    const runtime = createGasRuntime();
    install(runtime);
    expect(removeHourlyTrigger(app(runtime), 'onHourlySync')).toBe(1);
    expect(hasHourlyTrigger(app(runtime), 'onHourlySync')).toBe(false);
    expect(removeHourlyTrigger(app(runtime), 'onHourlySync')).toBe(0);
  });

  test('the authorisation gate follows ScriptApp.getAuthorizationInfo', () => {
    expect(addOnIsAuthorized(app(createGasRuntime({ authorization: 'NOT_REQUIRED' })))).toBe(true);
    expect(addOnIsAuthorized(app(createGasRuntime({ authorization: 'REQUIRED' })))).toBe(false);
  });
});
