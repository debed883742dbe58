// Utilities fake. Enforces: formatDate renders in the given time zone (Intl, never the host's), with
// SimpleDateFormat letters (y M d H h m s S E a Z X z u, '' quoting) and an unknown pattern letter throwing; an
// unknown zone falls back to GMT as Java's TimeZone does; computeDigest returns SIGNED bytes (-128..127) like the
// Java byte[] Apps Script hands back; base64EncodeWebSafe keeps '=' padding; sleep(ms) advances a movable clock
// instead of blocking, and rejects more than the documented 300000 ms.
// Not modelled: formatString, parseCsv/parseDate, zip/unzip/gzip, RSA signatures, charsets beyond UTF-8 and ASCII.
import * as crypto from 'node:crypto';
import type { FakeContext } from './fake-context';
import { waitOn } from './fake-context';
import { MESSAGES } from './error-messages';
import { bufferFrom, createBlob, toSignedBytes } from './blob';
import { isValidTimeZone, offsetMinutes, wallClock } from './time-zone';

export const DigestAlgorithm = { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' } as const;
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export const MAX_SLEEP_MS = 300_000;

const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function zoneAbbreviation(epochMs: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'GMT';
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${colon ? ':' : ''}${pad(Math.abs(minutes) % 60, 2)}`;
}

/** Java SimpleDateFormat subset. Returns null for a pattern letter it does not know. */
export function formatDateIn(epochMs: number, timeZone: string, pattern: string): string | null {
  const tz = isValidTimeZone(timeZone) ? timeZone : 'GMT';
  const w = wallClock(epochMs, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          out += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else out += pattern[i++];
      }
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'h':
        out += pad(h12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += String(w.weekday === 0 ? 7 : w.weekday);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(offsetMinutes(epochMs, tz), false);
        break;
      case 'X': {
        const off = offsetMinutes(epochMs, tz);
        out += off === 0 ? 'Z' : n === 1 ? offsetText(off, false).slice(0, 3) : offsetText(off, n >= 3);
        break;
      }
      case 'z':
        out += zoneAbbreviation(epochMs, tz);
        break;
      default:
        return null;
    }
  }
  return out;
}

export function createUtilities(ctx: FakeContext) {
  const fail = (m: string) => ctx.realm.exception(m);
  const count = (m: string) => ctx.counter.count(`Utilities.${m}`);
  const bytesOf = (value: unknown, charset?: string) => bufferFrom(value, charset === Charset.US_ASCII ? 'ascii' : 'utf8');
  const decode64 = (encoded: string) => Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return {
    DigestAlgorithm,
    Charset,
    formatDate(date: Date, timeZone: string, format: string): string {
      count('formatDate');
      const ms = date && typeof date.getTime === 'function' ? date.getTime() : NaN;
      if (Number.isNaN(ms)) throw fail(MESSAGES.invalidArgument('date'));
      const text = formatDateIn(ms, String(timeZone), String(format));
      if (text === null) throw fail(MESSAGES.invalidArgument('format'));
      return text;
    },
    computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
      count('computeDigest');
      const name = NODE_DIGEST[String(algorithm)];
      if (!name) throw fail(MESSAGES.invalidArgument('algorithm'));
      return ctx.realm.adopt(toSignedBytes(crypto.createHash(name).update(bytesOf(value, charset)).digest()));
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
      count('computeHmacSha256Signature');
      const mac = crypto.createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest();
      return ctx.realm.adopt(toSignedBytes(mac));
    },
    base64Encode(data: unknown, charset?: string): string {
      count('base64Encode');
      return bytesOf(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: string): string {
      count('base64EncodeWebSafe');
      return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string): number[] {
      count('base64Decode');
      return ctx.realm.adopt(toSignedBytes(decode64(encoded)));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      count('base64DecodeWebSafe');
      return ctx.realm.adopt(toSignedBytes(decode64(encoded)));
    },
    newBlob(data: unknown, contentType?: string, name?: string) {
      count('newBlob');
      return createBlob(ctx, bufferFrom(data ?? ''), contentType ?? null, name ?? null);
    },
    getUuid(): string {
      count('getUuid');
      return crypto.randomUUID();
    },
    sleep(milliseconds: number): void {
      count('sleep');
      const ms = Number(milliseconds);
      if (!(ms >= 0) || ms > MAX_SLEEP_MS) throw fail(MESSAGES.invalidArgument('milliseconds'));
      waitOn(ctx.clock, ms);
    },
  };
}

export type UtilitiesFake = ReturnType<typeof createUtilities>;
