// Narrow validation at the boundary (STYLE practice 9): response JSON is parsed into types that declare only the
// fields read, and a missing or mistyped field fails with a named error that says where, not a TypeError later.

export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

type TypeOf<K extends FieldType> = K extends 'string'
  ? string
  : K extends 'number'
    ? number
    : K extends 'boolean'
      ? boolean
      : K extends 'object'
        ? Record<string, unknown>
        : unknown[];

export class ResponseShapeError extends Error {
  readonly code = 'RESPONSE_SHAPE' as const;
  constructor(
    readonly where: string,
    readonly field: string,
    readonly expected: FieldType,
    readonly found: string,
  ) {
    super(`${where}: field '${field}' should be ${expected === 'array' || expected === 'object' ? 'an' : 'a'} ${expected}, found ${found}`);
    this.name = 'ResponseShapeError';
  }
}

export function isResponseShapeError(value: unknown): value is ResponseShapeError {
  return typeof value === 'object' && value !== null && (value as { code?: unknown }).code === 'RESPONSE_SHAPE';
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return `the number ${value}`;
  return `a ${typeof value}`;
}

function matches(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

/** The root of a response must be an object before any field can be read from it. */
export function asObject(value: unknown, where: string): Record<string, unknown> {
  if (!matches(value, 'object')) throw new ResponseShapeError(where, '(response)', 'object', describe(value));
  return value as Record<string, unknown>;
}

export function readField<K extends FieldType>(obj: unknown, name: string, type: K, where = 'response'): TypeOf<K> {
  const value = asObject(obj, where)[name];
  if (!matches(value, type)) throw new ResponseShapeError(where, name, type, describe(value));
  return value as TypeOf<K>;
}

/** Like readField, but null and a missing field both read as null. */
export function readNullableField<K extends FieldType>(
  obj: unknown,
  name: string,
  type: K,
  where = 'response',
): TypeOf<K> | null {
  const value = asObject(obj, where)[name];
  if (value === null || value === undefined) return null;
  if (!matches(value, type)) throw new ResponseShapeError(where, name, type, describe(value));
  return value as TypeOf<K>;
}
