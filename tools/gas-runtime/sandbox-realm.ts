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

export interface SandboxRealm {
  globals: Record<string, unknown>;
  context: vm.Context;
  /** Deep copy of plain data (arrays, plain objects, Dates, primitives) built from the sandbox's constructors. */
  adopt<T>(value: T): T;
  /** An error of the sandbox realm: name 'Exception', as Apps Script service errors print ("Exception: …"). */
  exception(message: string, name?: string, extra?: Record<string, unknown>): Error;
  date(epochMs: number): Date;
}

const FAKE_DATE = `(function (now) {
  var RealDate = Date;
  function GasDate() {
    if (!new.target) return new RealDate(now()).toString();
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  GasDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: GasDate, writable: true, configurable: true });
  GasDate.now = function () { return now(); };
  GasDate.UTC = RealDate.UTC;
  GasDate.parse = RealDate.parse;
  Object.defineProperty(GasDate, 'name', { value: 'Date' });
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

export function createSandboxRealm(now: () => number): SandboxRealm {
  const globals: Record<string, unknown> = {};
  const context = vm.createContext(globals, { name: 'apps-script-sandbox' });
  const RealDate = vm.runInContext(FAKE_DATE, context)(now) as DateConstructor;
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
