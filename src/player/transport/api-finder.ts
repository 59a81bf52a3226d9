/**
 * Finding the LMS's SCORM 1.2 API object, as the SCORM 1.2 RTE §3.3 (the API
 * adapter and ADL's sample `findAPI`/`getAPI` functions) describes: look for a
 * `window.API` on this window and up its chain of parents (at most 7 levels),
 * then on the opener and its parents; as most LMS wrappers do, finally on
 * `top.opener` (a SCO in a frame of a popup). A cross-origin window throws on
 * access; it is skipped.
 */
import type { Scorm12Api } from './scorm12';

/** The little of `Window` the search needs, so it can be tested without a DOM. */
export interface ApiWindow {
  API?: unknown;
  parent?: ApiWindow | null;
  opener?: ApiWindow | null;
  top?: ApiWindow | null;
}

const MAX_PARENTS = 7;

function apiOf(win: ApiWindow): Scorm12Api | null {
  try {
    const api = win.API as Partial<Scorm12Api> | null | undefined;
    return api && typeof api.LMSInitialize === 'function' && typeof api.LMSSetValue === 'function' ? (api as Scorm12Api) : null;
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

function searchUp(start: ApiWindow | null): Scorm12Api | null {
  let win = start;
  for (let level = 0; win && level <= MAX_PARENTS; level++) {
    const api = apiOf(win);
    if (api) return api;
    const parent = get(win, 'parent');
    if (!parent || parent === win) break;
    win = parent;
  }
  return null;
}

export function findScorm12Api(win: ApiWindow): Scorm12Api | null {
  const top = get(win, 'top');
  return searchUp(win) || searchUp(get(win, 'opener')) || (top ? searchUp(get(top, 'opener')) : null);
}
