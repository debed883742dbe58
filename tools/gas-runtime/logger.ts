// Logger and console fakes: both record instead of printing (console can echo to stderr when asked).
// Not modelled: Cloud Logging structure (severity objects, JSON payloads), Logger's 8 KB-ish log truncation,
// console.time/timeEnd accuracy (they are recorded as plain lines).
import { format } from 'node:util';
import type { FakeContext } from './fake-context';

export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

function javaFormat(template: unknown, values: unknown[]): string {
  if (values.length === 0) return String(template);
  let i = 0;
  return String(template).replace(/%[sd]/g, (m) => (i < values.length ? String(values[i++]) : m));
}

export function createLogger(ctx: FakeContext) {
  const lines: string[] = [];
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      ctx.counter.count('Logger.log');
      lines.push(javaFormat(data, values));
      return logger;
    },
    getLog() {
      ctx.counter.count('Logger.getLog');
      return lines.join('\n');
    },
    clear() {
      ctx.counter.count('Logger.clear');
      lines.length = 0;
    },
  };
  return { logger, lines };
}

export function createConsole(echo: boolean) {
  const entries: ConsoleEntry[] = [];
  const write = (level: ConsoleEntry['level']) => (...args: unknown[]) => {
    const message = format(...args);
    entries.push({ level, message });
    if (echo) process.stderr.write(`[gas ${level}] ${message}\n`);
  };
  const timers = new Map<string, number>();
  return {
    console: {
      log: write('log'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      debug: write('debug'),
      time: (label = 'default') => void timers.set(String(label), Date.now()),
      timeEnd: (label = 'default') => write('log')(`${label}: ${Date.now() - (timers.get(String(label)) ?? Date.now())}ms`),
    },
    entries,
  };
}
