import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './build-bundle';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'appsscript.json'), 'utf8'));
const scopesDoc = fs.readFileSync(path.join(REPO_ROOT, 'manifest', 'scopes.md'), 'utf8');

describe('appsscript.json', () => {
  test('asks for exactly the scopes manifest/scopes.md explains, each once', () => {
    const documented = [...scopesDoc.matchAll(/^\| `(https:\/\/www\.googleapis\.com\/auth\/[^`]+)` \|/gm)].map((m) => m[1]);
    expect([...manifest.oauthScopes].sort()).toEqual([...documented].sort());
    expect(new Set(manifest.oauthScopes).size).toBe(manifest.oauthScopes.length);
  });

  test('never the broad spreadsheets or drive scopes', () => {
    const broad = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/drive.readonly'];
    expect(manifest.oauthScopes.filter((scope: string) => broad.includes(scope))).toEqual([]);
  });

  test('runs on V8 in the clinic time zone, logs exceptions, fetches only Supabase REST, has the Sheets API', () => {
    expect({
      runtimeVersion: manifest.runtimeVersion,
      timeZone: manifest.timeZone,
      exceptionLogging: manifest.exceptionLogging,
      urlFetchWhitelist: manifest.urlFetchWhitelist,
      advancedServices: manifest.dependencies.enabledAdvancedServices,
    }).toEqual({
      runtimeVersion: 'V8',
      timeZone: 'America/Chicago',
      exceptionLogging: 'STACKDRIVER',
      urlFetchWhitelist: ['https://*.supabase.co/rest/v1/'],
      advancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }],
    });
  });

  test('is a Sheets-only Workspace add-on with a homepage, a settings action and the file-grant trigger', () => {
    expect(Object.keys(manifest.addOns).sort()).toEqual(['common', 'sheets']);
    expect(manifest.addOns.common.homepageTrigger).toEqual({ runFunction: 'onHomepage', enabled: true });
    expect(manifest.addOns.common.universalActions).toEqual([{ label: 'Settings', runFunction: 'onOpenSettings' }]);
    expect(manifest.addOns.sheets).toEqual({
      homepageTrigger: { runFunction: 'onHomepage', enabled: true },
      onFileScopeGrantedTrigger: { runFunction: 'onFileScopeGranted' },
    });
  });
});
