// Secrets must never reach a message, a card or a run record (DESIGN "Security model"). PostgREST may echo an
// argument's value in an error (e.g. `invalid input syntax for type uuid: "<token>"`), and transport errors may
// carry whatever the platform put in them, so every text that leaves the client passes through here.

export const REDACTED = '[redacted]';
const SECRET_ARG_NAME = /token|key|secret|password/i;
// Shorter values would redact ordinary words; real keys and tokens are far longer.
const MIN_SECRET_LENGTH = 6;

export function secretsOf(apiKey: string, args: Record<string, unknown>): string[] {
  const secrets = [apiKey];
  for (const [name, value] of Object.entries(args)) {
    if (SECRET_ARG_NAME.test(name) && typeof value === 'string') secrets.push(value);
  }
  return secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
}

/** Every given secret replaced by REDACTED, except ones too short to be a real key or token. */
export function redact(text: string, secrets: readonly string[]): string;
export function redact(text: string | null, secrets: readonly string[]): string | null;
export function redact(text: string | null, secrets: readonly string[]): string | null {
  if (text === null) return null;
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  return out;
}
