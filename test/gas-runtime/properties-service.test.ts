import { createGasRuntime, createSharedState } from '../../tools/gas-runtime';

const KB = 1024;

describe('PropertiesService fake', () => {
  it('answers null for a missing key and stores every value as a string', () => {
    const props = createGasRuntime().properties.getUserProperties();
    expect(props.getProperty('absent')).toBeNull();
    props.setProperty('n', 42 as unknown as string).setProperty('flag', true as unknown as string);
    props.setProperties({ obj: { a: 1 } });
    expect(props.getProperties()).toEqual({ n: '42', flag: 'true', obj: '[object Object]' });
  });

  it('rejects a value over 9 KB and keeps the store unchanged', () => {
    const props = createGasRuntime().properties.getUserProperties();
    props.setProperty('ok', 'x'.repeat(9 * KB));
    expect(() => props.setProperty('big', 'x'.repeat(9 * KB + 1))).toThrow('Argument too large: value');
    expect(props.getKeys()).toEqual(['ok']);
  });

  it('counts bytes, not characters, against the 9 KB value limit', () => {
    const props = createGasRuntime().properties.getUserProperties();
    expect(() => props.setProperty('accented', 'é'.repeat(4700))).toThrow('Argument too large: value');
  });

  it('rejects a write that takes the store past 500 KB, all of a setProperties batch or none', () => {
    const props = createGasRuntime().properties.getScriptProperties();
    const chunk = 'x'.repeat(9 * KB - 10);
    for (let i = 0; i < 55; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, chunk);
    expect(() => props.setProperties({ a: chunk, b: chunk })).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('a')).toBeNull();
    expect(props.getKeys()).toHaveLength(55);
  });

  it('replaces the whole store with setProperties(values, true)', () => {
    const props = createGasRuntime({ properties: { user: { old: '1', keep: '2' } } }).properties.getUserProperties();
    props.setProperties({ keep: '3', fresh: '4' }, true);
    expect(props.getProperties()).toEqual({ keep: '3', fresh: '4' });
    props.deleteProperty('keep');
    expect(props.getKeys()).toEqual(['fresh']);
    props.deleteAllProperties();
    expect(props.getProperties()).toEqual({});
  });

  it('returns a copy from getProperties, so mutating it changes nothing', () => {
    const props = createGasRuntime({ properties: { user: { a: '1' } } }).properties.getUserProperties();
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  it('has no document store in a standalone Workspace add-on', () => {
    expect(createGasRuntime().properties.getDocumentProperties()).toBeNull();
    const bound = createGasRuntime({
      documentScoped: true,
      activeSpreadsheet: { id: 'doc-1', name: 'Doc', sheets: [{ name: 'Sheet1' }] },
    });
    expect(bound.properties.getDocumentProperties()?.getProperty('x')).toBeNull();
  });

  it('keeps user stores per user and shares them between executions of the same user', () => {
    const sharedState = createSharedState();
    const card = createGasRuntime({ sharedState, userEmail: 'ann@example.com' });
    const trigger = createGasRuntime({ sharedState, userEmail: 'ann@example.com', context: 'trigger' });
    const other = createGasRuntime({ sharedState, userEmail: 'bob@example.com' });
    card.properties.getUserProperties().setProperty('token', 't1');
    card.properties.getScriptProperties().setProperty('shared', 's');
    expect(trigger.properties.getUserProperties().getProperty('token')).toBe('t1');
    expect(other.properties.getUserProperties().getProperty('token')).toBeNull();
    expect(other.properties.getScriptProperties().getProperty('shared')).toBe('s');
  });

  it('counts each call under the name the bundle wrote', () => {
    const runtime = createGasRuntime();
    const props = runtime.properties.getUserProperties();
    props.getProperty('a');
    props.getProperty('b');
    props.setProperty('c', 'd');
    expect(runtime.callCounts()).toEqual({
      'PropertiesService.getUserProperties': 1,
      'PropertiesService.getUserProperties().getProperty': 2,
      'PropertiesService.getUserProperties().setProperty': 1,
    });
    runtime.resetCallCounts();
    expect(runtime.callCounts()).toEqual({});
  });
});
