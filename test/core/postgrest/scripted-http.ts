// A scripted HttpClient for the PostgREST client's tests: answers from fixtures (test/fixtures/postgrest/, named
// by scenario and call) in order, records every request, and moves a manual clock by a latency per call so that
// total-time bounds are tested without real waiting. Does not model: partial bodies, redirects, TLS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, HttpClient, HttpRequest, HttpResponse, Sleeper } from '../../../src/core/ports';
import { httpTransportError, type TransportErrorKind } from '../../../src/core/postgrest/transport-error';

export interface Fixture {
  scenario: string;
  call: string;
  response: HttpResponse;
}

export function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/postgrest', `${name}.json`), 'utf8')) as Fixture;
}

export function response(name: string): HttpResponse {
  return fixture(name).response;
}

export type Step = HttpResponse | { throws: TransportErrorKind | 'plain'; message?: string };

export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start = Date.UTC(2024, 10, 1, 15, 0, 0)): TestClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

export interface RecordingSleeper extends Sleeper {
  readonly sleeps: number[];
}

export function recordingSleeper(clock: TestClock): RecordingSleeper {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep(ms) {
      sleeps.push(ms);
      clock.advance(ms);
    },
  };
}

export interface ScriptedHttp extends HttpClient {
  readonly requests: HttpRequest[];
}

/** Answers steps in order; the last step repeats once the script runs out. */
export function scriptedHttp(steps: Step[], clock: TestClock, latencyMs = 0): ScriptedHttp {
  const requests: HttpRequest[] = [];
  return {
    requests,
    fetch(request) {
      requests.push(request);
      const step = steps[Math.min(requests.length - 1, steps.length - 1)];
      clock.advance(latencyMs);
      if ('throws' in step) {
        const message = step.message ?? `fake ${step.throws} failure for ${request.url}`;
        if (step.throws === 'plain') throw new Error(message);
        throw httpTransportError(step.throws, message);
      }
      return step;
    },
  };
}
