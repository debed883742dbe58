// Which overload a set of JSON keys selects, per PostgREST v14's Plan.hs findProc and
// docs.postgrest.org/en/v14/references/api/functions.html ("Overloaded functions", "Functions with a single
// unnamed JSON parameter": the unnamed json/jsonb function is only a fallback when no named match exists).
import { findRoutine, type Routine, type RoutineParam } from '../../../tools/postgrest-standin/routines';

const param = (name: string, type = 'text', required = true): RoutineParam => ({ name, type, required, variadic: false });
const fn = (params: RoutineParam[]): Routine => ({
  schema: 'public',
  name: 'f',
  params,
  returnsSet: false,
  returnsComposite: false,
  returnsVoid: false,
  volatility: 'v',
  settings: [],
});
const pick = (candidates: Routine[], keys: string[], media: 'json' | 'form' | 'text' = 'json') => {
  const r = findRoutine(candidates, new Set(keys), media, true);
  return r.ok ? candidates.indexOf(r.routine) : r.kind;
};

describe('findRoutine (argument matching by name)', () => {
  const requiredOnly = fn([param('a'), param('b')]);
  const withDefault = fn([param('a'), param('b', 'text', false)]);
  const optionalOnly = fn([param('x', 'text', false), param('y', 'text', false)]);
  const noParams = fn([]);
  const unnamedJson = fn([param('', 'jsonb')]);

  it('needs exactly the required parameters when there is no default', () => {
    expect(pick([requiredOnly], ['a', 'b'])).toBe(0);
    expect(pick([requiredOnly], ['a'])).toBe('none');
    expect(pick([requiredOnly], ['a', 'b', 'c'])).toBe('none');
  });

  it('takes the required parameters plus any subset of the defaulted ones, nothing else', () => {
    expect(pick([withDefault], ['a'])).toBe(0);
    expect(pick([withDefault], ['a', 'b'])).toBe(0);
    expect(pick([withDefault], ['b'])).toBe('none');
    expect(pick([withDefault], ['a', 'z'])).toBe('none');
  });

  it('takes any subset of parameters when all have defaults, including none', () => {
    expect(pick([optionalOnly], [])).toBe(0);
    expect(pick([optionalOnly], ['y'])).toBe(0);
    expect(pick([optionalOnly], ['y', 'q'])).toBe('none');
  });

  it('calls a parameterless function only without keys, and never with a raw text body', () => {
    expect(pick([noParams], [])).toBe(0);
    expect(pick([noParams], ['a'])).toBe('none');
    expect(pick([noParams], [], 'text')).toBe('none');
  });

  it('falls back to the single unnamed jsonb function only when no named overload matches', () => {
    expect(pick([requiredOnly, unnamedJson], ['a', 'b'])).toBe(0);
    expect(pick([requiredOnly, unnamedJson], ['anything'])).toBe(1);
    expect(pick([requiredOnly, unnamedJson], ['anything'], 'form')).toBe('none');
  });

  it('reports two named matches as ambiguous', () => {
    expect(pick([fn([param('a', 'integer')]), fn([param('a', 'text')])], ['a'])).toBe('ambiguous');
  });
});
