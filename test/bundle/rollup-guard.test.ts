import { buildBundle } from './build-bundle';

const fixtures = { include: ['test/bundle/fixtures/**/*.ts'] };

describe('the build fails when an entry point would not be callable by name', () => {
  test('given an entry point named like a global another module reads, then rollup renames it and the build fails', () => {
    const build = buildBundle({ input: 'test/bundle/fixtures/rename-collision-main.ts', ...fixtures });
    build.cleanup();
    expect(build.ok).toBe(false);
    expect(build.errors).toContain(
      'Apps Script bundle check failed:\n  - entry point onHomepage was renamed to onHomepage$1: another bundled module ' +
        'declares or reads a global named onHomepage; rename that one',
    );
  });

  test('given an entry point exported as a const arrow function, then the build fails', () => {
    const build = buildBundle({ input: 'test/bundle/fixtures/const-entry-main.ts', ...fixtures });
    build.cleanup();
    expect(build.ok).toBe(false);
    expect(build.errors).toContain(
      "Apps Script bundle check failed:\n  - entry point onHomepage is not a top-level 'function onHomepage(' in the bundle (export functions only)",
    );
  });
});
