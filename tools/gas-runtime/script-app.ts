// ScriptApp fake: time-based triggers, authorization info, enums. Enforces the add-on trigger rules (Workspace
// add-on trigger docs): time-driven triggers at most hourly (everyMinutes throws for an add-on; everyHours(n) needs a
// whole n >= 1), one trigger of each type per user per document (the second create() throws), 20 triggers per user
// per script; getProjectTriggers() lists only the current user's triggers. Triggers live in SharedState and are
// fired by GasRuntime.fireDueTriggers in a trigger-context runtime, with a time-driven event object.
// getAuthorizationInfo reports the status the runtime was given; a trigger keeps firing even when it is REQUIRED,
// as the real one does, so the bundle must check it.
// Not modelled: atHour/nearMinute/onWeekDay scheduling detail (every n hours from creation), one-off at()/after(),
// installable spreadsheet triggers (onOpen/onEdit/onChange), trigger run-time quotas, random start offsets.
import type { FakeContext } from './fake-context';
import type { TriggerRecord } from './shared-state';
import { MESSAGES } from './error-messages';

export const MAX_TRIGGERS_PER_USER_PER_SCRIPT = 20;

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' } as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;

export type AuthorizationStatusName = keyof typeof AuthorizationStatus;

export interface TriggerFake {
  getHandlerFunction(): string;
  getUniqueId(): string;
  getEventType(): string;
  getTriggerSource(): string;
  getTriggerSourceId(): string | null;
}

export interface ScriptAppOptions {
  isAddOn: boolean;
  authorization: AuthorizationStatusName;
  scriptId: string;
}

export function triggerView(ctx: FakeContext, t: TriggerRecord): TriggerFake {
  return {
    getHandlerFunction: () => t.handlerFunction,
    getUniqueId: () => t.uniqueId,
    getEventType: () => EventType.CLOCK,
    getTriggerSource: () => TriggerSource.CLOCK,
    getTriggerSourceId: () => null,
  };
}

export function createScriptApp(ctx: FakeContext, options: ScriptAppOptions) {
  const mine = () => ctx.shared.triggers.filter((t) => t.ownerEmail === ctx.userEmail);
  const fail = (m: string) => ctx.realm.exception(m);

  const clockBuilder = (handlerFunction: string) => {
    let intervalMs: number | null = null;
    const builder = {
      everyMinutes(n: number) {
        ctx.counter.count('ClockTriggerBuilder.everyMinutes');
        if (options.isAddOn) throw fail(MESSAGES.addOnTriggerTooFrequent);
        if (![1, 5, 10, 15, 30].includes(Number(n))) throw fail(MESSAGES.invalidArgument('minutes'));
        intervalMs = Number(n) * 60_000;
        return builder;
      },
      everyHours(n: number) {
        ctx.counter.count('ClockTriggerBuilder.everyHours');
        if (!Number.isInteger(Number(n)) || Number(n) < 1) throw fail(MESSAGES.invalidArgument('hours'));
        intervalMs = Number(n) * 3_600_000;
        return builder;
      },
      everyDays(n: number) {
        ctx.counter.count('ClockTriggerBuilder.everyDays');
        if (!Number.isInteger(Number(n)) || Number(n) < 1) throw fail(MESSAGES.invalidArgument('days'));
        intervalMs = Number(n) * 86_400_000;
        return builder;
      },
      everyWeeks(n: number) {
        ctx.counter.count('ClockTriggerBuilder.everyWeeks');
        if (!Number.isInteger(Number(n)) || Number(n) < 1) throw fail(MESSAGES.invalidArgument('weeks'));
        intervalMs = Number(n) * 7 * 86_400_000;
        return builder;
      },
      create(): TriggerFake {
        ctx.counter.count('ClockTriggerBuilder.create');
        if (intervalMs === null) throw fail(MESSAGES.invalidArgument('a recurrence (everyHours) is required'));
        const existing = mine();
        if (options.isAddOn && existing.some((t) => t.eventType === 'CLOCK' && t.documentId === ctx.documentId)) {
          throw fail(MESSAGES.addOnTooManyTriggers);
        }
        if (existing.length >= MAX_TRIGGERS_PER_USER_PER_SCRIPT) throw fail(MESSAGES.scriptTooManyTriggers);
        const record: TriggerRecord = {
          uniqueId: String(ctx.shared.nextId() * 1_000_003),
          handlerFunction,
          eventType: 'CLOCK',
          ownerEmail: ctx.userEmail,
          documentId: ctx.documentId,
          intervalMs,
          nextRunAt: ctx.clock.now() + intervalMs,
        };
        ctx.shared.triggers.push(record);
        return triggerView(ctx, record);
      },
    };
    return builder;
  };

  return {
    AuthMode,
    AuthorizationStatus,
    EventType,
    TriggerSource,
    newTrigger(functionName: string) {
      ctx.counter.count('ScriptApp.newTrigger');
      const name = String(functionName);
      return {
        timeBased: () => {
          ctx.counter.count('TriggerBuilder.timeBased');
          return clockBuilder(name);
        },
      };
    },
    getProjectTriggers(): TriggerFake[] {
      ctx.counter.count('ScriptApp.getProjectTriggers');
      return ctx.realm.adopt(mine().map((t) => triggerView(ctx, t)));
    },
    getUserTriggers(document: { getId(): string }): TriggerFake[] {
      ctx.counter.count('ScriptApp.getUserTriggers');
      const id = document.getId();
      return ctx.realm.adopt(mine().filter((t) => t.documentId === id).map((t) => triggerView(ctx, t)));
    },
    deleteTrigger(trigger: TriggerFake) {
      ctx.counter.count('ScriptApp.deleteTrigger');
      const id = trigger.getUniqueId();
      const i = ctx.shared.triggers.findIndex((t) => t.uniqueId === id && t.ownerEmail === ctx.userEmail);
      if (i >= 0) ctx.shared.triggers.splice(i, 1);
    },
    getAuthorizationInfo(authMode: string) {
      ctx.counter.count('ScriptApp.getAuthorizationInfo');
      if (!(String(authMode) in AuthMode)) throw fail(MESSAGES.invalidArgument('authMode'));
      const status = options.authorization;
      return {
        getAuthorizationStatus: () => AuthorizationStatus[status],
        getAuthorizationUrl: () =>
          status === 'REQUIRED' ? `https://script.google.com/macros/d/${options.scriptId}/authorize` : null,
        getAuthorizedScopes: () => ctx.realm.adopt([] as string[]),
      };
    },
    getScriptId() {
      ctx.counter.count('ScriptApp.getScriptId');
      return options.scriptId;
    },
    getOAuthToken() {
      ctx.counter.count('ScriptApp.getOAuthToken');
      return 'local-runtime-oauth-token';
    },
  };
}

export type ScriptAppFake = ReturnType<typeof createScriptApp>;

/** The time-driven event object Apps Script passes to a trigger handler. */
export function timeDrivenEvent(t: TriggerRecord, firedAt: number) {
  const d = new Date(firedAt);
  return {
    authMode: AuthMode.FULL,
    triggerUid: t.uniqueId,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}
