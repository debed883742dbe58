import { asObject, readField, readNullableField, ResponseShapeError } from '../../../src/core/postgrest/read-field';

const plan = { ok: true, directory_version: 'v7', months: [{ month: '2024-11', row_count: 21 }], binding: null };

describe('readField: narrow validation of RPC responses', () => {
  it('returns a present field of the declared type', () => {
    expect(readField(plan, 'directory_version', 'string', 'sync_plan')).toBe('v7');
    expect(readField(plan, 'ok', 'boolean', 'sync_plan')).toBe(true);
    expect(readField(plan, 'months', 'array', 'sync_plan')).toEqual([{ month: '2024-11', row_count: 21 }]);
    expect(readField(plan.months[0], 'row_count', 'number', 'sync_plan.months[0]')).toBe(21);
  });

  it('fails with a named error that says where, which field and what it found when the field is missing', () => {
    let thrown: unknown;
    try {
      readField({ ok: true }, 'months', 'array', 'sync_plan');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ResponseShapeError);
    expect(thrown).toMatchObject({
      name: 'ResponseShapeError',
      code: 'RESPONSE_SHAPE',
      where: 'sync_plan',
      field: 'months',
      expected: 'array',
      found: 'nothing (missing)',
      message: "sync_plan: field 'months' should be an array, found nothing (missing)",
    });
  });

  it.each([
    [{ n: '21' }, 'n', 'number', "response: field 'n' should be a number, found a string"],
    [{ n: Number.NaN }, 'n', 'number', "response: field 'n' should be a number, found the number NaN"],
    [{ s: null }, 's', 'string', "response: field 's' should be a string, found null"],
    [{ o: [] }, 'o', 'object', "response: field 'o' should be an object, found an array"],
    [{ a: {} }, 'a', 'array', "response: field 'a' should be an array, found an object"],
  ] as const)('rejects %j read as %s.%s', (obj, name, type, message) => {
    expect(() => readField(obj, name, type)).toThrow(message);
  });

  it('refuses to read a field of something that is not an object', () => {
    expect(() => readField([plan], 'ok', 'boolean', 'sync_plan')).toThrow(
      "sync_plan: field '(response)' should be an object, found an array",
    );
    expect(() => asObject(null, 'sync_directory')).toThrow("sync_directory: field '(response)' should be an object, found null");
  });

  it('reads null or a missing field as null where the field is nullable, and still checks its type', () => {
    expect(readNullableField(plan, 'binding', 'object')).toBeNull();
    expect(readNullableField(plan, 'absent', 'string')).toBeNull();
    expect(readNullableField(plan, 'directory_version', 'string')).toBe('v7');
    expect(() => readNullableField(plan, 'ok', 'string')).toThrow("response: field 'ok' should be a string, found a boolean");
  });
});
