// Counts every call into a fake, keyed the way the bundle wrote it ('PropertiesService.getUserProperties().getProperty').
// Call counts are the performance contract (STYLE.md practice 6), so every fake reports through one counter, and the
// counter is also the one place that checks the execution deadline before a service call goes through.

export interface CallCounter {
  count(name: string): void;
  snapshot(): Record<string, number>;
  reset(): void;
}

export function createCallCounter(beforeCall: (name: string) => void = () => undefined): CallCounter {
  let counts: Record<string, number> = {};
  return {
    count(name) {
      beforeCall(name);
      counts[name] = (counts[name] ?? 0) + 1;
    },
    snapshot() {
      return { ...counts };
    },
    reset() {
      counts = {};
    },
  };
}
