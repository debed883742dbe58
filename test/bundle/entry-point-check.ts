// Which names Apps Script will call in the bundle, and which of them are not top-level function declarations.
// Apps Script finds a manifest runFunction, a card callback (setFunctionName) or a trigger handler
// (ScriptApp.newTrigger) by global name at the moment it calls it, so a missing one fails only then, in front
// of a user ("Script function not found"). This check finds them all statically in the built bundle.
import ts from 'typescript';

export interface EntryPoint {
  name: string;
  source: string; // where the name comes from, for the failure message
}

export interface EntryPointReport {
  required: EntryPoint[];
  missing: EntryPoint[];
  /** Calls whose function name is computed some other way, so cannot be checked: keep them at zero. */
  unchecked: string[];
}

export function topLevelFunctions(code: string): Set<string> {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
  }
  return names;
}

export function manifestEntryPoints(manifest: unknown, path = 'appsscript.json'): EntryPoint[] {
  if (Array.isArray(manifest)) return manifest.flatMap((item, i) => manifestEntryPoints(item, `${path}[${i}]`));
  if (typeof manifest !== 'object' || manifest === null) return [];
  return Object.entries(manifest).flatMap(([key, value]) =>
    key === 'runFunction' && typeof value === 'string' ? [{ name: value, source: `${path}.runFunction` }] : manifestEntryPoints(value, `${path}.${key}`),
  );
}

/** Names passed to setFunctionName / newTrigger in the bundle: string literals, or ACTIONS.<key> resolved through the table. */
export function bundleCallbackNames(code: string, actions: Record<string, string>): { found: EntryPoint[]; unchecked: string[] } {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const found: EntryPoint[] = [];
  const unchecked: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const arg = node.arguments[0];
      if ((method === 'setFunctionName' || method === 'newTrigger') && arg) {
        if (ts.isStringLiteralLike(arg)) found.push({ name: arg.text, source: `${method}('${arg.text}')` });
        else if (ts.isPropertyAccessExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === 'ACTIONS' && arg.name.text in actions) {
          found.push({ name: actions[arg.name.text], source: `${method}(ACTIONS.${arg.name.text})` });
        } else unchecked.push(`${method}(${arg.getText(file)})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { found, unchecked };
}

export function checkEntryPoints(input: { code: string; manifest: unknown; actions: Record<string, string> }): EntryPointReport {
  const fromBundle = bundleCallbackNames(input.code, input.actions);
  const required = [
    ...manifestEntryPoints(input.manifest),
    ...Object.entries(input.actions).map(([key, name]) => ({ name, source: `ACTIONS.${key}` })),
    ...fromBundle.found,
  ];
  const functions = topLevelFunctions(input.code);
  return { required, missing: required.filter((entry) => !functions.has(entry.name)), unchecked: fromBundle.unchecked };
}
