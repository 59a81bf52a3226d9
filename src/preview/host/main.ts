/**
 * The preview's host page (templates/preview/host.html), bundled into
 * player-dist/preview-host.js: it plays the LMS or LRS around the course frame
 * for the target the server builds (./scorm12.ts, ./scorm2004.ts, ./xapi.ts,
 * ./cmi5.ts), shows what would be recorded, and follows the server's builds
 * and the LRS's records as server-sent events.
 */
import type { StateDocument, StoredStatement } from '../lrs.js';
import type { HostConfig, PreviewBuild, Snapshot } from '../protocol.js';
import { cmi5Target } from './cmi5.js';
import { byId, clear } from './dom.js';
import { initStrings, setLanguage, translate } from './i18n.js';
import { blank, launch, queue } from './frame.js';
import { scorm12Target } from './scorm12.js';
import { scorm2004Target } from './scorm2004.js';
import { renderDisconnected, renderHeader, renderProblems } from './status.js';
import { onRender, renderSoon, store } from './store.js';
import type { HostTarget } from './target.js';
import { xapiTarget } from './xapi.js';

const cfg = JSON.parse(byId('preview-config').textContent ?? '{}') as HostConfig;
initStrings(cfg.strings, cfg.lang);

const targets: Record<HostConfig['target'], () => HostTarget> = {
  scorm12: scorm12Target,
  scorm2004: scorm2004Target,
  xapi: () => xapiTarget(cfg.lrs),
  cmi5: cmi5Target,
};
const target = targets[cfg.target]();

const panel = byId('panel');
onRender(() => {
  const scroll = panel.scrollTop;
  clear(panel).appendChild(target.panel());
  panel.scrollTop = scroll;
});

function onBuild(b: PreviewBuild): void {
  store.build = b;
  setLanguage(b.uiLanguage);
  if (Object.keys(b.moved).length) store.moves.push(b.moved);
  renderHeader(b);
  renderProblems(b);
  if (b.ok && b.live && b.live.n !== store.liveN) void queue(() => launch(target));
  renderSoon();
}

// ---- controls ----
byId('reset').addEventListener('click', () => {
  void queue(async () => {
    await blank();
    target.reset();
    store.moves = [];
    await fetch('/__ir/reset', { method: 'POST' });
    store.liveN = null;
    renderSoon();
    await launch(target);
  });
});
byId('relaunch').addEventListener('click', () => void queue(() => launch(target)));
const widths = document.querySelectorAll<HTMLButtonElement>('.seg button');
widths.forEach((btn) =>
  btn.addEventListener('click', () => {
    widths.forEach((b) => b.setAttribute('aria-pressed', String(b === btn)));
    const w = btn.getAttribute('data-width');
    const wrap = byId('frame-wrap');
    wrap.style.maxWidth = w ? w + 'px' : '';
    wrap.classList.toggle('device', !!w);
  }),
);

// ---- the server's events ----
function connect(): void {
  const es = new EventSource('/__ir/events');
  const on = <T>(event: string, fn: (data: T) => void): void => es.addEventListener(event, (e) => fn(JSON.parse((e as MessageEvent<string>).data) as T));
  on<Snapshot>('snapshot', (d) => {
    store.statements = d.statements;
    store.states = d.states;
    if (d.build) onBuild(d.build);
    renderSoon();
  });
  on<PreviewBuild>('build', onBuild);
  on<StoredStatement[]>('statements', (list) => {
    store.statements = store.statements.concat(list);
    renderSoon();
  });
  on<{ doc: StateDocument; deleted: boolean }>('state', ({ doc, deleted }) => {
    const same = (x: StateDocument): boolean => x.activityId === doc.activityId && x.registration === doc.registration && x.stateId === doc.stateId;
    store.states = store.states.filter((x) => !same(x));
    if (!deleted) store.states.push(doc);
    renderSoon();
  });
  on('reset', () => {
    store.statements = [];
    store.states = [];
    renderSoon();
  });
  es.onerror = () => {
    if (es.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    renderDisconnected();
  };
}

byId('target').textContent = target.label;
translate();
renderSoon();
connect();
