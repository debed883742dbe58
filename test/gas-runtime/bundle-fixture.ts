// Writes a small Apps Script bundle to a temp dir, so runtime tests do not depend on the real build.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function writeBundle(source: string): { file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-runtime-bundle-'));
  const file = path.join(dir, 'Code.js');
  fs.writeFileSync(file, source);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), '{}');
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
