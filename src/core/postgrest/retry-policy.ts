// Exponential backoff with full jitter (delay = random × min(cap, base × 2^n)), bounded by attempts AND by
// elapsed time, so one RPC can never eat the 25 s "Sync now" budget (DESIGN limits table: card callback 30 s).

export interface RetryPolicy {
  /** HTTP attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once elapsed time (requests + waits, by the Clock) plus the next wait would exceed this. */
  maxTotalMs: number;
  /**
   * Attempts for a statement timeout (57014) or a transport timeout. Each costs the full timeout (3 s for
   * `anon`) and a batch that timed out once is likely to again, yet ingest is idempotent and the cause may be a
   * passing lock or cold cache: try again, but fewer times than for a 503.
   */
  maxTimeoutAttempts: number;
  /** A Retry-After longer than this is not waited out: the error is returned with retryAfterMs set. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 4000,
  maxTotalMs: 15000,
  maxTimeoutAttempts: 2,
  maxRetryAfterMs: 10000,
};

export function backoffDelayMs(policy: RetryPolicy, retryIndex: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/** Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Null when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
