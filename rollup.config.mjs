// Builds dist/Code.js: ONE plain Apps Script file. Apps Script has no modules: it runs every file of a project
// in one global scope and calls entry points (manifest triggers, card callbacks) by global name, and only a
// top-level `function name(…) {…}` declaration is such a name. So: ES output with the trailing `export {…}`
// removed, no minification (stack traces in Cloud Logging stay readable), target ES2020 for the V8 runtime,
// and a guard that fails the build when an entry point would not be callable, e.g. when rollup deconflicts
// two equal names and renames the exported one `onHomepage$1`.
import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';

/**
 * Turns rollup's ES chunk into a plain script and checks that every export of the entry module is a top-level
 * function declaration under its own name. Copies the manifest next to the bundle when given one.
 */
export function appsScriptBundle({ manifest = null } = {}) {
  return {
    name: 'apps-script-bundle',
    renderChunk(code, chunk) {
      const program = this.parse(code);
      const functions = new Set();
      const exportStatements = [];
      const renamed = new Set();
      const problems = [];
      for (const node of program.body) {
        if (node.type === 'FunctionDeclaration') functions.add(node.id.name);
        else if (node.type === 'ImportDeclaration') problems.push(`imports '${node.source.value}' (Apps Script has no modules: bundle it)`);
        else if (node.type === 'ExportNamedDeclaration' && !node.declaration && !node.source) {
          exportStatements.push(node);
          for (const specifier of node.specifiers) {
            if (specifier.local.name !== specifier.exported.name) {
              renamed.add(specifier.exported.name);
              problems.push(
                `entry point ${specifier.exported.name} was renamed to ${specifier.local.name}: another bundled module ` +
                  `declares or reads a global named ${specifier.exported.name}; rename that one`,
              );
            }
          }
        } else if (node.type.startsWith('Export')) problems.push(`unsupported export form (${node.type}) in src/main.ts`);
      }
      if (chunk.exports.length === 0) problems.push('the entry module exports no entry points');
      for (const name of chunk.exports) {
        if (!functions.has(name) && !renamed.has(name)) {
          problems.push(`entry point ${name} is not a top-level 'function ${name}(' in the bundle (export functions only)`);
        }
      }
      if (problems.length > 0) this.error(`Apps Script bundle check failed:\n  - ${problems.join('\n  - ')}`);

      let script = code;
      for (const node of exportStatements.sort((a, b) => b.start - a.start)) {
        script = script.slice(0, node.start) + script.slice(node.end);
      }
      return { code: `${script.trimEnd()}\n`, map: null };
    },
    generateBundle() {
      if (manifest) this.emitFile({ type: 'asset', fileName: 'appsscript.json', source: readFileSync(manifest, 'utf8') });
    },
  };
}

/** The whole build, parameterised so tests can build a fixture with the same plugins. */
export function appsScriptConfig({ input = 'src/main.ts', file = 'dist/Code.js', manifest = 'appsscript.json', include = ['src/**/*.ts'] } = {}) {
  return {
    input,
    output: {
      file,
      format: 'es',
      banner: '// Production Sync: generated from src/ by rollup (npm run build). Do not edit; see README.md.',
      sourcemap: false,
    },
    // Nothing is external: an unresolved import would leave a module reference Apps Script cannot load.
    onwarn(warning, warn) {
      if (warning.code === 'UNRESOLVED_IMPORT' || warning.code === 'PLUGIN_WARNING') throw new Error(warning.message);
      warn(warning);
    },
    plugins: [
      typescript({
        tsconfig: './tsconfig.json',
        include,
        compilerOptions: {
          target: 'ES2020',
          lib: ['ES2020'],
          // Only Apps Script's globals: a src/ file that reaches for setTimeout, Buffer or fetch fails here.
          types: ['google-apps-script'],
          noEmitOnError: true,
          sourceMap: false,
          declaration: false,
        },
      }),
      appsScriptBundle({ manifest }),
    ],
  };
}

export default appsScriptConfig();
