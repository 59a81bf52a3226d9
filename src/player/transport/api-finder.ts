/**
 * Finding the LMS's API object, as the SCORM run-times describe: SCORM 1.2
 * RTE §3.3 (the API adapter and ADL's sample `findAPI`/`getAPI`), and SCORM
 * 2004 4th Edition RTE §3.1 (the API instance, named `API_1484_11`, found by
 * the same search): look on this window and up its chain of parents (at most
 * 7 levels), then on the opener and its parents; as most LMS wrappers do,
 * finally on `top.opener` (a SCO in a frame of a popup). A cross-origin
 * window throws on access; it is skipped.
 */
import type { Scorm12Api } from './scorm12';
import type { Scorm2004Api } from './scorm2004';

/** The little of `Window` the search needs, so it can be tested without a DOM. */
export interface ApiWindow {
  API?: unknown;
  API_1484_11?: unknown;
  parent?: ApiWindow | null;
  opener?: ApiWindow | null;
  top?: ApiWindow | null;
}

const MAX_PARENTS = 7;

/** The object under `name` when it has the two methods `methods` names; null otherwise. */
function apiOf<T>(win: ApiWindow, name: 'API' | 'API_1484_11', methods: readonly [string, string]): T | null {
  try {
    const api = win[name] as Record<string, unknown> | null | undefined;
    return api && typeof api[methods[0]] === 'function' && typeof api[methods[1]] === 'function' ? (api as T) : null;
  } catch {
    return null; // cross-origin
  }
}

function get<K extends 'parent' | 'opener' | 'top'>(win: ApiWindow, key: K): ApiWindow | null {
  try {
    return win[key] || null;
  } catch {
    return null;
  }
}

function findApi<T>(win: ApiWindow, name: 'API' | 'API_1484_11', methods: readonly [string, string]): T | null {
  const searchUp = (start: ApiWindow | null): T | null => {
    let w = start;
    for (let level = 0; w && level <= MAX_PARENTS; level++) {
      const api = apiOf<T>(w, name, methods);
      if (api) return api;
      const parent = get(w, 'parent');
      if (!parent || parent === w) break;
      w = parent;
    }
    return null;
  };
  const top = get(win, 'top');
  return searchUp(win) || searchUp(get(win, 'opener')) || (top ? searchUp(get(top, 'opener')) : null);
}

export function findScorm12Api(win: ApiWindow): Scorm12Api | null {
  return findApi<Scorm12Api>(win, 'API', ['LMSInitialize', 'LMSSetValue']);
}

export function findScorm2004Api(win: ApiWindow): Scorm2004Api | null {
  return findApi<Scorm2004Api>(win, 'API_1484_11', ['Initialize', 'SetValue']);
}
