/**
 * Runs builds one at a time. A request made while one runs waits for it; any
 * number of requests made while one waits share that single next build, so a
 * burst of saves costs at most one build in progress and one after it.
 */
export interface SerialRebuild<T> {
  request(): Promise<T>;
  /** Settles when no build is running or waiting. */
  idle(): Promise<unknown>;
}

export function serialRebuild<T>(build: () => Promise<T>): SerialRebuild<T> {
  let chain: Promise<unknown> = Promise.resolve();
  let queued: Promise<T> | null = null;
  return {
    request() {
      if (queued) return queued;
      const p = chain.then(() => {
        queued = null;
        return build();
      });
      queued = p;
      chain = p.catch(() => undefined);
      return p;
    },
    idle: () => chain,
  };
}
