// One error wrapper per kind of entry point, so that no entry point dies with a raw stack in the user's face:
// Apps Script shows an uncaught error as a bare "Error: …" toast, or a blank sidebar. Each wrapper answers in
// the type its trigger expects (a homepage wants cards, a button an ActionResponse, a universal action a
// UniversalActionResponse) and hands the error itself to the sink, which logs the stack.
import { buildErrorCard } from './cards/error-card';
import { notificationResponse, showCardsResponse } from './responses';

type Card = GoogleAppsScript.Card_Service.Card;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type UniversalActionResponse = GoogleAppsScript.Card_Service.UniversalActionResponse;

export type ErrorSink = (entry: string, error: unknown) => void;

export interface EntryGuards {
  /** Homepage and other card-returning triggers (onFileScopeGrantedTrigger). */
  cards(entry: string, run: () => Card[]): Card[];
  /** Card button callbacks: on failure, a notification; the card stays as it was. */
  action<R>(entry: string, run: () => R): R | ActionResponse;
  universalAction(entry: string, run: () => UniversalActionResponse): UniversalActionResponse;
  /** Time-driven triggers: nobody sees the answer, so a failure goes to the log and the handler returns normally. */
  background<R>(entry: string, run: () => R): R | null;
}

export function createEntryGuards(sink: ErrorSink): EntryGuards {
  function failed(entry: string, error: unknown): string {
    sink(entry, error);
    return userMessage(error);
  }
  return {
    cards: (entry, run) => attempt(run, (error) => [buildErrorCard({ message: failed(entry, error) })]),
    action: (entry, run) =>
      attempt(run, (error) => notificationResponse(`Production Sync: ${failed(entry, error)}`)),
    universalAction: (entry, run) =>
      attempt(run, (error) => showCardsResponse([buildErrorCard({ message: failed(entry, error) })])),
    background: (entry, run) =>
      attempt(run, (error) => {
        sink(entry, error);
        return null;
      }),
  };
}

function attempt<R, F>(run: () => R, onError: (error: unknown) => F): R | F {
  try {
    return run();
  } catch (error) {
    return onError(error);
  }
}

// Errors thrown by Apps Script services (or by the local runtime's fakes, from another realm) are not always
// `instanceof Error` here, so read the message by shape.
function userMessage(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : String(error);
  return message.trim() === '' ? 'An unexpected error occurred.' : message;
}
