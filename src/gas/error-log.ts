// Where an entry point's failure goes besides the user's card: Apps Script's console, which the manifest's
// `exceptionLogging: STACKDRIVER` sends to Cloud Logging. The stack goes here and never into a card.
export function logEntryError(entry: string, error: unknown): void {
  const detail = typeof error === 'object' && error !== null && 'stack' in error ? (error as Error).stack : String(error);
  console.error(`${entry} failed: ${detail}`);
}
