// The vm realm the bundle runs in. Apps Script offers ECMAScript built-ins plus its services and `console`: no
// setTimeout, URL, fetch, TextEncoder, process, require or Buffer. A fresh vm context has exactly the ECMAScript
// built-ins, so whatever we do not put into `globals` does not exist for the bundle.
//
// Values the fakes hand to the bundle are rebuilt inside this realm (`adopt`), so `x instanceof Date`, `instanceof
// Array` and `instanceof Error` behave in the bundle as they do in Apps Script. `Date.now()` and `new Date()` in the
// sandbox read the runtime clock, so the 30 s / 6 min limits can be simulated.
//
// Not modelled: Apps Script's own globals we do not fake (DriveApp, GmailApp, …) are simply absent, where the real
// runtime would have them and fail on scope instead.
import * as vm from 'node:vm';
import { offsetMinutes, wallClock } from './time-zone';

export interface SandboxRealm {
  globals: Record<string, unknown>;
  context: vm.Context;
  /** Deep copy of plain data (arrays, plain objects, Dates, primitives) built from the sandbox's constructors. */
  adopt<T>(value: T): T;
  /** An error of the sandbox realm: name 'Exception', as Apps Script service errors print ("Exception: …"). */
  exception(message: string, name?: string, extra?: Record<string, unknown>): Error;
  date(epochMs: number): Date;
}

// Apps Script runs with the script's time zone as the local zone: `new Date(2024, 10, 1)`, getHours() and toString()
// follow appsscript.json's timeZone, never the server's. The sandbox Date does the same with the runtime's
// scriptTimeZone (through host helpers built on Intl), so no bundle result depends on the machine's TZ.
const FAKE_DATE = `(function (now, tz) {
  var RealDate = Date;
  var P = RealDate.prototype;
  var utcGetTime = P.getTime;
  var setTime = P.setTime;
  function wall(d) { return tz.wall(utcGetTime.call(d)); } // [y, m0, d, h, mi, s, ms, weekday]
  function fromWall(f) { return tz.fromWall(f[0], f[1], f[2], f[3], f[4], f[5], f[6]); }
  var ZONED = /(Z|[+-]\\d{2}:?\\d{2}|GMT|UTC)\\s*$/i;
  var DATE_ONLY = /^\\d{4}-\\d{2}-\\d{2}$/;
  function parseLocal(text) {
    var d = new RealDate(text);
    if (isNaN(utcGetTime.call(d)) || ZONED.test(text) || DATE_ONLY.test(text)) return utcGetTime.call(d);
    return tz.fromHostLocal(utcGetTime.call(d));
  }
  function GasDate(a, b, c, d, h, mi, s) {
    if (!new.target) return new RealDate(now()).toString();
    var n = arguments.length;
    var ms;
    if (n === 0) ms = now();
    else if (n === 1) ms = typeof a === 'string' ? parseLocal(a) : +(a instanceof RealDate ? utcGetTime.call(a) : a);
    else {
      var y = +a;
      if (y >= 0 && y <= 99) y += 1900;
      ms = tz.fromWall(y, +b, n > 2 ? +c : 1, n > 3 ? +d : 0, n > 4 ? +h : 0, n > 5 ? +mi : 0, n > 6 ? +s : 0);
    }
    return Reflect.construct(RealDate, [ms], new.target);
  }
  GasDate.prototype = P;
  Object.defineProperty(P, 'constructor', { value: GasDate, writable: true, configurable: true });
  GasDate.now = function () { return now(); };
  GasDate.UTC = RealDate.UTC;
  GasDate.parse = function (text) { return parseLocal(String(text)); };
  Object.defineProperty(GasDate, 'name', { value: 'Date' });
  function def(name, fn) { Object.defineProperty(P, name, { value: fn, writable: true, configurable: true }); }
  var getters = ['getFullYear', 'getMonth', 'getDate', 'getHours', 'getMinutes', 'getSeconds'];
  getters.forEach(function (name, i) {
    def(name, function () { var t = utcGetTime.call(this); return isNaN(t) ? NaN : tz.wall(t)[i]; });
  });
  def('getDay', function () { var t = utcGetTime.call(this); return isNaN(t) ? NaN : tz.wall(t)[7]; });
  def('getTimezoneOffset', function () { var t = utcGetTime.call(this); return isNaN(t) ? NaN : -tz.offset(t); });
  function setter(name, first, count) {
    def(name, function () {
      var f = wall(this);
      for (var i = 0; i < count && i < arguments.length; i++) f[first + i] = +arguments[i];
      return setTime.call(this, fromWall(f));
    });
  }
  setter('setFullYear', 0, 3);
  setter('setMonth', 1, 2);
  setter('setDate', 2, 1);
  setter('setHours', 3, 4);
  setter('setMinutes', 4, 3);
  setter('setSeconds', 5, 2);
  def('toString', function () { var t = utcGetTime.call(this); return isNaN(t) ? 'Invalid Date' : tz.text(t, 'full'); });
  def('toDateString', function () { return tz.text(utcGetTime.call(this), 'date'); });
  def('toTimeString', function () { return tz.text(utcGetTime.call(this), 'time'); });
  ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (name) {
    var original = P[name];
    def(name, function (locales, options) {
      return original.call(this, locales, Object.assign({ timeZone: tz.name }, options || {}));
    });
  });
  Object.defineProperty(globalThis, 'Date', { value: GasDate, writable: true, configurable: true, enumerable: false });
  return RealDate;
})`;

const ADOPT = `(function adopt(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date(v.getTime());
  if (Array.isArray(v)) { var a = new Array(v.length); for (var i = 0; i < v.length; i++) a[i] = adopt(v[i]); return a; }
  var proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return v;
  var o = {}; for (var k of Object.keys(v)) o[k] = adopt(v[k]); return o;
})`;

const EXCEPTION = `(function (name, message, extra) {
  var e = new Error(message);
  e.name = name;
  if (extra) for (var k of Object.keys(extra)) e[k] = extra[k];
  return e;
})`;

export function createSandboxRealm(now: () => number, timeZone = 'America/Chicago'): SandboxRealm {
  const globals: Record<string, unknown> = {};
  const context = vm.createContext(globals, { name: 'apps-script-sandbox' });
  const RealDate = vm.runInContext(FAKE_DATE, context)(now, zoneHelpers(timeZone)) as DateConstructor;
  const adopt = vm.runInContext(ADOPT, context) as <T>(v: T) => T;
  const makeException = vm.runInContext(EXCEPTION, context) as (
    name: string,
    message: string,
    extra?: Record<string, unknown>,
  ) => Error;
  // V8 gives every context a console that prints nowhere; the runtime installs a recording one instead.
  delete (globals as { console?: unknown }).console;
  return {
    globals,
    context,
    adopt,
    exception: (message, name = 'Exception', extra) => makeException(name, message, extra),
    date: (epochMs) => new RealDate(epochMs),
  };
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function zoneHelpers(name: string) {
  const fromWall = (y: number, m0: number, d: number, h: number, mi: number, s: number, ms: number): number => {
    const asUtc = Date.UTC(y, m0, d, h, mi, s, ms);
    if (Number.isNaN(asUtc)) return NaN;
    const first = asUtc - offsetMinutes(asUtc, name) * 60000;
    return asUtc - offsetMinutes(first, name) * 60000;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    name,
    wall(ms: number): number[] {
      const w = wallClock(ms, name);
      return [w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond, w.weekday];
    },
    fromWall,
    offset: (ms: number) => offsetMinutes(ms, name),
    /** A host-local reading of a zone-less string, re-read as the script zone's wall clock. */
    fromHostLocal(ms: number): number {
      const d = new Date(ms);
      return fromWall(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
    },
    text(ms: number, part: 'full' | 'date' | 'time'): string {
      if (Number.isNaN(ms)) return 'Invalid Date';
      const w = wallClock(ms, name);
      const off = offsetMinutes(ms, name);
      const long =
        new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'long' })
          .formatToParts(new Date(ms))
          .find((p) => p.type === 'timeZoneName')?.value ?? name;
      const sign = off < 0 ? '-' : '+';
      const date = `${DAY_NAMES[w.weekday]} ${MONTH_NAMES[w.month - 1]} ${pad(w.day)} ${w.year}`;
      const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} GMT${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)} (${long})`;
      return part === 'date' ? date : part === 'time' ? time : `${date} ${time}`;
    },
  };
}
