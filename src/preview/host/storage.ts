/** The browser's storage as the page uses it: absent (private mode, blocked) is not an error. */

export function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

/** Removes every key under `prefix` (backwards: removing shifts the later indexes). */
export function forget(kind: 'local' | 'session', prefix: string): void {
  const s = storage(kind);
  if (!s) return;
  for (let i = s.length - 1; i >= 0; i--) {
    const k = s.key(i);
    if (k && k.startsWith(prefix)) s.removeItem(k);
  }
}

export function readJson<T>(kind: 'local' | 'session', key: string): T | null {
  try {
    return JSON.parse(storage(kind)?.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

export function writeJson(kind: 'local' | 'session', key: string, value: unknown): void {
  storage(kind)?.setItem(key, JSON.stringify(value));
}

/** The learner's registration for an LRS target, kept for the tab until Reset. */
export function registration(target: string): string {
  const key = `ir-preview:${target}:registration`;
  const s = storage('session');
  let r = s?.getItem(key);
  if (!r) {
    r = crypto.randomUUID();
    s?.setItem(key, r);
  }
  return r;
}

export function forgetRegistration(target: string): void {
  storage('session')?.removeItem(`ir-preview:${target}:registration`);
}
