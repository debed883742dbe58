// The one hourly time-driven trigger per user. "Add-ons can use time-driven triggers at most once per hour"
// (https://developers.google.com/apps-script/guides/triggers/installable) and may have one trigger of each type
// per user per document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, Restrictions),
// so the handler visits every enrolled spreadsheet itself. main.ts creates the trigger with the handler's ACTIONS
// name written out, so the bundle's entry-point check can verify it. getProjectTriggers() lists only the
// current user's triggers of this project. A trigger keeps firing into code it is no longer authorised for, so
// the handler checks addOnIsAuthorized first.

export interface TriggerLike {
  getHandlerFunction(): string;
  getEventType(): unknown;
}

export interface ScriptAppLike {
  newTrigger(functionName: string): { timeBased(): { everyHours(n: number): { create(): TriggerLike } } };
  getProjectTriggers(): TriggerLike[];
  deleteTrigger(trigger: TriggerLike): void;
  EventType: { CLOCK: unknown };
}

export interface AuthorizationScriptAppLike {
  AuthMode: { FULL: unknown };
  AuthorizationStatus: { REQUIRED: unknown };
  getAuthorizationInfo(authMode: never): { getAuthorizationStatus(): unknown };
}

function clockTriggersFor(scriptApp: ScriptAppLike, handler: string): TriggerLike[] {
  return scriptApp
    .getProjectTriggers()
    .filter((t) => t.getHandlerFunction() === handler && String(t.getEventType()) === String(scriptApp.EventType.CLOCK));
}

export function hasHourlyTrigger(scriptApp: ScriptAppLike, handler: string): boolean {
  return clockTriggersFor(scriptApp, handler).length > 0;
}

/** Number of triggers removed. */
export function removeHourlyTrigger(scriptApp: ScriptAppLike, handler: string): number {
  const existing = clockTriggersFor(scriptApp, handler);
  for (const t of existing) scriptApp.deleteTrigger(t);
  return existing.length;
}

/** False when the user must re-authorise (the add-on's scopes changed, or access was revoked). */
export function addOnIsAuthorized(scriptApp: AuthorizationScriptAppLike): boolean {
  const info = scriptApp.getAuthorizationInfo(scriptApp.AuthMode.FULL as never);
  return String(info.getAuthorizationStatus()) !== String(scriptApp.AuthorizationStatus.REQUIRED);
}
