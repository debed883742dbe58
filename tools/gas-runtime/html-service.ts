// HtmlService stand-in: a Workspace add-on has no getUi() to show HTML in, so every method throws here (DESIGN.md
// limits table). Not modelled: the real HtmlService would build an HtmlOutput and fail only when shown.
import type { SandboxRealm } from './sandbox-realm';
import { MESSAGES } from './error-messages';

export function createHtmlService(realm: SandboxRealm): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_t, prop) =>
        typeof prop === 'symbol'
          ? undefined
          : () => {
              throw realm.exception(MESSAGES.htmlServiceUnavailable);
            },
    },
  );
}
