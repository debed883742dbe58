// Wraps every method of a fake object so each call is counted as `${prefix}.${method}`.
import type { CallCounter } from './call-counter';

export function counted<T extends object>(counter: CallCounter, prefix: string, target: T): T {
  const out = {} as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    out[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            counter.count(`${prefix}.${name}`);
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value;
  }
  return out as T;
}
