// Session fake: the user the runtime was created for, and the script's time zone.
// Not modelled: the empty active-user e-mail the real service returns across domains or to consumer accounts in
// some trigger contexts (pass activeUserEmail: '' to simulate it), locale beyond 'en'.
import * as crypto from 'node:crypto';
import type { FakeContext } from './fake-context';

export function createSession(ctx: FakeContext, activeUserEmail: string) {
  const user = (email: string) => ({ getEmail: () => email, toString: () => email });
  return {
    getActiveUser() {
      ctx.counter.count('Session.getActiveUser');
      return user(activeUserEmail);
    },
    getEffectiveUser() {
      ctx.counter.count('Session.getEffectiveUser');
      return user(ctx.userEmail);
    },
    getScriptTimeZone() {
      ctx.counter.count('Session.getScriptTimeZone');
      return ctx.scriptTimeZone;
    },
    getActiveUserLocale() {
      ctx.counter.count('Session.getActiveUserLocale');
      return 'en';
    },
    getTemporaryActiveUserKey() {
      ctx.counter.count('Session.getTemporaryActiveUserKey');
      return crypto.createHash('sha256').update(`temporary-key:${ctx.userEmail}`).digest('base64').slice(0, 43);
    },
  };
}

export type SessionFake = ReturnType<typeof createSession>;
