// Review of issue 10 ("each enforced limit of each fake has a test that shows it biting"): the limits the fakes'
// headers promise that no other test in test/gas-runtime made bite. Each test shows the call just inside the limit
// working and the one just past it failing with the fake's message.
import { createGasRuntime, createManualClock } from '../../tools/gas-runtime';
import { obiNov24 } from './workbook-seeds';

describe('CacheService fake: expiration argument', () => {
  it('accepts 1 second and refuses 0 or a negative expiration', () => {
    const clock = createManualClock();
    const cache = createGasRuntime({ clock, executionLimitMs: null }).cache.getUserCache();
    cache.put('k', 'v', 1);
    expect(cache.get('k')).toBe('v');
    clock.advance(1_000);
    expect(cache.get('k')).toBeNull();
    expect(() => cache.put('k', 'v', 0)).toThrow('Invalid argument: expirationInSeconds');
    expect(() => cache.putAll({ a: 'x' }, -5)).toThrow('Invalid argument: expirationInSeconds');
    expect(cache.getAll(['k', 'a'])).toEqual({});
  });

  it('refuses a whole putAll when one value is over 100 KB, writing none of it', () => {
    const cache = createGasRuntime().cache.getScriptCache();
    expect(() => cache.putAll({ small: 'ok', big: 'x'.repeat(100 * 1024 + 1) })).toThrow('Argument too large: value');
    expect(cache.get('small')).toBeNull();
  });
});

describe('Sheets advanced service fake: grid limits', () => {
  const granted = () => createGasRuntime({ context: 'trigger', spreadsheets: [obiNov24], driveFileGrants: ['obi-sheet'] });

  it('reads the last row of the grid and refuses a range starting below it, as the API does', () => {
    const sheets = granted().sheets;
    expect(sheets.Spreadsheets.Values.batchGet('obi-sheet', { ranges: ['Nov-24!A1000'] }).valueRanges[0].range).toBe("'Nov-24'!A1000");
    expect(() => sheets.Spreadsheets.Values.batchGet('obi-sheet', { ranges: ['Nov-24!A1001'] })).toThrow(
      "API call to sheets.spreadsheets.values.batchGet failed with error: Range ('Nov-24'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
    expect(() => sheets.Spreadsheets.Values.batchGet('obi-sheet', { ranges: ['Nov-24!AA1'] })).toThrow('exceeds grid limits. Max rows: 1000, max columns: 26');
  });
});

describe('ScriptApp fake: recurrence arguments', () => {
  it('needs a recurrence before create(), and whole positive days and weeks', () => {
    const { scriptApp } = createGasRuntime({ activeSpreadsheet: obiNov24 });
    expect(() => scriptApp.newTrigger('onHourlySync').timeBased().create()).toThrow('Invalid argument: a recurrence (everyHours) is required');
    expect(() => scriptApp.newTrigger('onHourlySync').timeBased().everyHours(1.5)).toThrow('Invalid argument: hours');
    expect(() => scriptApp.newTrigger('onHourlySync').timeBased().everyDays(0)).toThrow('Invalid argument: days');
    expect(() => scriptApp.newTrigger('onHourlySync').timeBased().everyWeeks(-1)).toThrow('Invalid argument: weeks');
    expect(scriptApp.newTrigger('onHourlySync').timeBased().everyDays(1).create().getHandlerFunction()).toBe('onHourlySync');
  });

  it('lets a non-add-on script use only the documented minute intervals', () => {
    const { scriptApp } = createGasRuntime({ isAddOn: false });
    expect(scriptApp.newTrigger('f').timeBased().everyMinutes(5).create().getHandlerFunction()).toBe('f');
    expect(() => scriptApp.newTrigger('g').timeBased().everyMinutes(7)).toThrow('Invalid argument: minutes');
  });
});

describe('Utilities fake: arguments the real one refuses', () => {
  it('refuses an unknown digest algorithm and a negative sleep', () => {
    const { utilities } = createGasRuntime();
    expect(() => utilities.computeDigest('SHA_3' as never, 'x')).toThrow('Invalid argument: algorithm');
    expect(() => utilities.sleep(-1)).toThrow('Invalid argument: milliseconds');
  });
});
