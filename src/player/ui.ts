/**
 * The player's screens, built inside `<div id="app">`: header with progress,
 * table of contents, lesson pages with native questions, scenarios, results.
 * Every control is a native element whose accessible name is its visible text
 * (SPEC §5). Written as closures so the minifier can shorten every name: the
 * whole player must stay within its size budget.
 *
 * The words come from the course (`course.strings`, the compiler's table for
 * `course.uiLanguage`); templates are filled with `format`.
 */
import type { RuntimeQuestion, RuntimeUnit } from '../shared/runtime-types';
import type { Stop } from '../shared/progress';
import { format as f } from '../shared/ui-strings';
import { blocksNeedAssess } from '../shared/assess-files';
import { isRight, type Engine } from './engine';
import { button, div, fill, h, p, span, type Child } from './dom';
import type { Transport, TransportHealth } from './transport/types';
import type { UnitLoader } from './units';
import type { ResultsView } from './results';
import type { AssessScript } from './assess/host';

/** The lazily loaded screens: player-results.js (src/player/units.ts loads it) and player-assess.js (src/player/main.ts). */
const lazy = window as unknown as { irResults: ResultsView; irAssess: AssessScript };

export function mountApp(root: HTMLElement, engine: Engine, transport: Transport, units: UnitLoader): void {
  const { ix, course } = engine;
  const s = course.strings;
  const last = ix.stops.length - 1;
  const links: HTMLButtonElement[] = [];
  const notices: Record<string, HTMLElement> = {};
  /** Scenarios replayed in this session: their endings say the first play's score stays. */
  const replayed: Record<number, boolean> = {};
  let uid = 0;
  let tocOpen = false;

  /** Decoration screen readers skip. */
  const deco = (cls: string, ...kids: Child[]) => h('span', { class: cls, 'aria-hidden': 'true' }, ...kids);
  const openToc = (open: boolean) => {
    root.classList.toggle('ir-toc-open', (tocOpen = open));
    menu.setAttribute('aria-expanded', String(open));
  };
  const menu = h('button', { type: 'button', class: 'ir-menu', 'aria-expanded': 'false', 'aria-controls': 'ir-toc', onclick: () => openToc(!tocOpen) },
    deco('ir-burger'), s.toc);
  const meter = span();
  const bar = span('ir-fill');
  const status = h('div', { class: 'ir-notices', role: 'status' });
  const toc = h('nav', { id: 'ir-toc', class: 'ir-toc', 'aria-label': s.toc });
  const view = div('ir-view');
  // Media events do not bubble: caught on the way down. A page's `{required}` media all ended: it is viewed.
  view.addEventListener('ended', (e) => {
    // `ir-req` is the media element's only class (src/render/media.ts).
    (e.target as Element).className = '';
    if (!view.querySelector('.ir-req')) {
      engine.enter(true);
      refresh();
    }
  }, true);
  const prev = button('ir-btn ir-quiet', s.prev, () => go(engine.at - 1));
  /** A scenario choice's "Continue", while its feedback is on screen. */
  let cont: HTMLElement | undefined;
  // SPEC §5 fixes the label: it stays on the last page too, where the button leads to the results.
  // Under a choice's feedback it continues to the scene the choice led to: Next never skips an outcome unread.
  const next = button('ir-btn ir-primary ir-next', s.next, () => (cont && view.contains(cont) ? cont.click() : go(engine.at + 1)));
  const pos = span('ir-pos');

  // ---- table of contents ----
  const link = (at: number, ...label: Child[]) =>
    (links[at] = button('ir-link', [deco('ir-dot'), span('ir-lt', ...label), span('ir-sr')], () => {
      openToc(false);
      go(at);
    }));
  const kind = (text: string) => span('ir-kind', text);
  let l = 0;
  let sc = 0;
  let te = 0;
  toc.appendChild(h('ol', 'ir-units',
    course.units.map((unit) => {
      // A test's title says what it is (Tes Awal, Tes Akhir): no kind line, and no word for it in every course.js.
      if (unit.kind !== 'lesson') return h('li', 'ir-unit', link(unit.kind === 'test' ? ix.testStop[te++]! : ix.scenarioStop[sc++]!, unit.kind < 't' && kind(s.scenario), unit.title));
      const id = 'ir-u' + uid++;
      return h('li', 'ir-unit',
        h('p', { class: 'ir-head', id }, kind(f(s.lesson, l + 1)), unit.title),
        h('ol', { 'aria-labelledby': id }, ix.lessons[l++]!.pages.map((pg) => h('li', null, link(ix.pageStop[pg]!, ix.pages[pg]!.page.title)))));
    }),
    h('li', 'ir-unit', link(last, s.results))));

  const done = (at: number): boolean => {
    const stop = ix.stops[at]!;
    const pr = engine.progress;
    if (stop.kind === 'page') {
      return !!pr.pages[stop.i] && ix.questions.every((q, i) => q.page !== stop.i || pr.questions[i]!.first !== null) &&
        ix.surveys.every((v, i) => v.page !== stop.i || pr.surveys![i]![0]);
    }
    // A test is done once an attempt is submitted, as in the progress meter.
    return stop.kind === 'test' ? pr.tests![stop.i]!.attempts > 0 : stop.kind === 'scenario' && pr.scenarios[stop.i]!.ending !== null;
  };
  /** What a page, scenario or test stop stands for: `ix.pages[i].page`, `ix.scenarios[i].scenario`, `ix.tests[i].test` (one expression: every byte of this bundle counts). */
  const item = (stop: Exclude<Stop, { kind: 'results' }>): { title: string } => (ix as unknown as Record<string, Array<Record<string, { title: string }>>>)[stop.kind + 's']![stop.i]![stop.kind]!;
  const title = (at: number): string => {
    const stop = ix.stops[at]!;
    return stop.kind === 'results' ? s.results : item(stop).title;
  };

  const refresh = () => {
    const at = engine.at;
    const pr = engine.progress;
    // Pages viewed, questions answered and scenarios ended, each one step.
    const steps = [...pr.pages, ...pr.questions.map((q) => q.first !== null), ...pr.scenarios.map((x) => x.ending !== null),
      // A survey's first point and a test's attempts: 0 until submitted.
      ...(pr.surveys || []).map((v) => v[0]), ...(pr.tests || []).map((x) => x.attempts)];
    const pct = steps.length ? Math.floor((100 * steps.filter(Boolean).length) / steps.length) : 100;
    meter.textContent = f(s.progress, pct);
    bar.style.width = pct + '%';
    links.forEach((b, i) => {
      const d = done(i);
      b.classList.toggle('is-done', d);
      b.lastChild!.textContent = d ? ` (${s.done})` : '';
      if (i === at) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    });
    // Keep the current entry in view in a scrolling table of contents.
    const cur = links[at];
    if (cur && (cur.offsetTop < toc.scrollTop || cur.offsetTop + cur.offsetHeight > toc.scrollTop + toc.clientHeight)) {
      toc.scrollTop = cur.offsetTop - toc.clientHeight / 3;
    }
    prev.disabled = at === 0;
    next.hidden = at === last;
    pos.textContent = at < last ? f(s.stopOf, at + 1, last) : '';
  };

  const notice = (key: string, text: string | null, tone?: string) => {
    if (notices[key]) notices[key]!.remove();
    delete notices[key];
    if (text) status.appendChild((notices[key] = p('ir-box ir-notice ' + tone, text)));
  };
  // What records progress: the LRS for Tin Can, the LMS for SCORM and cmi5.
  const recorder = course.target === 'xapi' ? s.xapi : s.scorm12;
  const onHealth = (health: TransportHealth) => {
    if (health.kind === 'standalone') notice('s', f(s.notSaved, recorder), '');
    // Names what is failing and how much waits to be sent.
    else notice('f', health.kind === 'failing' ? f(s.failing, recorder, health.pending) : null, 'ir-warn');
  };

  /** Focus on a control that was just placed, then the least scrolling that shows it, with what sits above it as far as fits. */
  const reach = (el: HTMLElement) => {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  };

  // ---- navigation ----
  const focusHeading = (scroll?: boolean) => {
    const heading = view.querySelector('h2');
    if (scroll) {
      try {
        window.scrollTo(0, 0);
      } catch {
        /* a sandboxed frame may refuse */
      }
    }
    // Not preventScroll: where the LMS grows the frame and scrolls its own page, this brings the heading into view.
    if (heading) heading.focus();
  };
  /** What a stop needs loaded: its unit (index in course.units), the results script (one past the units), -1 past the end. */
  const unitAt = (at: number): number => {
    const stop = ix.stops[at];
    return !stop ? -1 : stop.kind === 'results' ? course.units.length : course.units.indexOf((stop.kind === 'page' ? ix.pages[stop.i]!.lesson : item(stop)) as RuntimeUnit);
  };
  const render = (focus: boolean): void => {
    const at = engine.at;
    const stop = ix.stops[at]!;
    const u = unitAt(at);
    // A test, or a page with a typed question or a survey, needs their screens too (the full player only).
    const assess = !globalThis.IR_LITE && (stop.kind === 'test' || (stop.kind === 'page' && blocksNeedAssess(ix.pages[stop.i]!.page.blocks)));
    // Its HTML comes from the package; the heading is there already, so the learner knows where they are.
    const wait = (text: string, again?: Child) => fill(view, heading(title(at)), p('ir-muted', text), again);
    if (!units.loaded(u, assess)) {
      wait(s.loadingUnit);
      return units.load(u, (ok) => engine.at === at && (ok ? render(focus) : wait(s.loadFailed, button('ir-btn', s.retry, () => render(true)))), assess);
    }
    // The next unit, while this one is read: Next is then instant.
    units.load(unitAt(at + 1));
    view.classList.remove('ir-enter');
    if (stop.kind === 'page') page(stop.i);
    else if (stop.kind === 'scenario') scenario(stop.i, focus);
    else fill(view, stop.kind === 'test' ? lazy.irAssess(host, stop.i) : lazy.irResults(host));
    refresh();
    if (focus) {
      void view.offsetWidth; // restart the entrance animation
      view.classList.add('ir-enter');
      focusHeading(true);
    }
  };
  const go = (at: number) => {
    notice('r', null);
    engine.go(at);
    render(true);
  };
  // In-course links from the compiler: `<a data-ir-unit="…" data-ir-anchor="…">`.
  const onContentClick = (e: Event) => {
    const a = (e.target as Element).closest<HTMLElement>('a[data-ir-unit]');
    if (!a) return;
    const { irUnit: unit, irAnchor: anchor } = a.dataset;
    let at = -1;
    ix.pages.forEach((pg, i) => {
      if (pg.lesson.id === unit && (at < 0 || pg.page.id === anchor)) at = ix.pageStop[i]!;
    });
    ix.scenarios.forEach((x, i) => {
      if (x.scenario.id === unit) at = ix.scenarioStop[i]!;
    });
    if (at >= 0) {
      e.preventDefault();
      go(at);
    }
  };
  /** The eyebrow line and the heading that takes the focus. */
  const heading = (text: string) => h('h2', { class: 'ir-title', tabindex: '-1' }, text);
  const top = (eyebrow: string, text: string) => [p('ir-eyebrow', eyebrow), heading(text)];
  const prose = (html: string, cls = '') => h('div', { class: 'ir-prose ' + cls, html });
  const strong = (text: string, cls = '') => p('ir-strong' + cls, text);
  /** A tinted box: good (true), bad (false) or neutral (null); `cls` starts with a space. */
  const box = (good: boolean | null, cls: string, ...kids: Child[]) => div('ir-box' + cls + (good ? ' ir-ok' : good === false ? ' ir-no' : ''), ...kids);
  const feedbackArea = () => h('div', { class: 'ir-fb', 'aria-live': 'polite' });
  /** What the learner chose and the author's feedback on it. */
  const chosen = (c: { text: string; feedbackHtml: string | null }) => [strong(s.youChose + ' ' + c.text), prose(c.feedbackHtml!)];
  const num = (n: number) => String(Math.round(n * 100) / 100).replace('.', s.decimal);
  /** What player-results.js and player-assess.js use of the player. */
  const host = { engine, go, heading, refresh };

  // ---- lesson pages ----
  const page = (i: number) => {
    const { lesson, page: pg, l: li, n } = ix.pages[i]!;
    const { objectives, duration } = lesson;
    fill(view,
      top(f(s.lesson, li + 1) + (lesson.title === pg.title ? '' : ' · ' + lesson.title), pg.title),
      n === 0 && (objectives.length || duration)
        ? div('ir-obj',
            objectives.length ? [strong(s.objectives), h('ul', null, objectives.map((o) => h('li', null, o)))] : null,
            duration ? p('ir-muted', f(s.minutes, duration)) : null)
        : null,
      // Typed questions and surveys: player-assess.js, loaded with the lesson.
      pg.blocks.map((b) => (b.kind === 'html' ? prose(b.html) : b.kind === 'question' && !b.question.type ? question(b.question) : lazy.irAssess(host, b))));
  };

  const question = (q: RuntimeQuestion) => {
    const qi = ix.questions.findIndex((x) => x.question === q);
    const id = 'ir-q' + uid++;
    const prompt = id + 'p';
    const inputs = q.choices.map((_, i) => h('input', { type: q.multiple ? 'checkbox' : 'radio', name: id, value: i }));
    const labels = q.choices.map((c, i) => h('label', 'ir-choice', inputs[i]!, h('span', { html: c.html })));
    const sync = () => labels.forEach((lb, i) => lb.classList.toggle('is-checked', inputs[i]!.checked));
    inputs.forEach((x) => x.addEventListener('change', sync));
    const legend = h('legend', { class: 'ir-prompt', id: prompt, html: q.promptHtml });
    // A legend holds phrasing content: the prompt's paragraphs become block spans.
    legend.querySelectorAll('p').forEach((para) => para.replaceWith(span('ir-p', ...para.childNodes)));
    const set = h('fieldset', { class: 'ir-set', 'aria-describedby': id + 'h' }, legend,
      h('p', { class: 'ir-hint', id: id + 'h' }, q.multiple ? s.pickAll : s.pickOne), div('ir-choices', labels));
    const feedback = feedbackArea();
    const actions = div('ir-actions');
    // Several questions on a page: each button's description is its question's prompt (the name stays SPEC §5's label).
    const check = h('button', { type: 'submit', class: 'ir-btn ir-primary', 'aria-describedby': prompt }, s.check);
    const retry = h('button', { type: 'button', class: 'ir-btn', 'aria-describedby': prompt, onclick: () => {
      engine.showQuestion(qi);
      open();
      inputs[0]!.focus();
    } }, s.retry);
    const open = () => {
      set.disabled = false;
      inputs.forEach((x, i) => {
        x.checked = false;
        labels[i]!.className = 'ir-choice';
      });
      fill(feedback);
      fill(actions, check);
    };
    const answered = (announce: boolean) => {
      const picked = engine.progress.questions[qi]!.last;
      const has = (i: number) => picked.indexOf(i) >= 0;
      const correct = isRight(q, picked);
      inputs.forEach((x, i) => {
        x.checked = has(i);
        labels[i]!.className = 'ir-choice' + (has(i) ? (q.choices[i]!.correct ? ' is-right' : ' is-wrong') : '');
      });
      set.disabled = true;
      const missed = q.choices.filter((c, i) => c.correct && !has(i));
      fill(feedback,
        box(correct, '',
          strong(correct ? s.correct : s.incorrect, ' ir-tone'),
          q.multiple && missed.length ? p(null, s.missed + ' ' + missed.map((c) => c.text).join('; ')) : null,
          picked.map((i) => {
            const c = q.choices[i]!;
            return c.feedbackHtml ? div('ir-item', chosen(c)) : null;
          }),
          // Outcome feedback (`> [x]` / `> [ ]`, issue 12); prose() of a missing one is an empty block.
          q.outcome && prose((correct ? q.outcome.right : q.outcome.wrong)!)));
      // The retry button takes the check button's place and, once the verdict above it is laid out, the focus.
      fill(actions, retry, p('ir-note', s.firstCounts));
      if (announce) reach(retry);
    };
    const form = h('form', { class: 'ir-q', novalidate: true, onsubmit: (e) => {
      e.preventDefault();
      if (set.disabled) return;
      const picked: number[] = [];
      inputs.forEach((x, i) => x.checked && picked.push(i));
      if (!picked.length) return fill(feedback, strong(s.pickFirst, ' ir-no ir-tone'));
      engine.answer(qi, picked);
      answered(true);
      refresh();
    } }, set, feedback, actions);
    engine.showQuestion(qi);
    if (engine.progress.questions[qi]!.last.length) answered(false);
    else open();
    return form;
  };

  // ---- scenarios ----
  const scenario = (si: number, focus: boolean) => {
    const ref = ix.scenarios[si]!;
    const x = ref.scenario;
    const scene = engine.scene(si);
    const sp = engine.progress.scenarios[si]!;
    const again = () => {
      scenario(si, true);
      refresh();
      focusHeading(true);
    };
    let body: Node[];
    const end = scene.ending;
    if (end) {
      const first = sp.ending === null ? null : x.scenes[sp.ending]!.ending;
      const earned = num(first ? (x.points * first.score) / 100 : 0);
      const pass = end.outcome === 'pass';
      body = [
        box(pass, ' ir-ending',
          strong(pass ? s.endingPass : s.endingFail),
          p(null, f(s.endingScore, end.score)),
          p(null, f(sp.ending === sp.scene && !replayed[si] ? s.earned : s.replayNote, earned, num(x.points)))),
        div('ir-actions', button('ir-btn', s.playAgain, () => {
          replayed[si] = true;
          engine.replay(si);
          again();
        })),
      ];
    } else {
      const label = 'ir-c' + uid++;
      const feedback = feedbackArea();
      const options = scene.choices.map((c, ci) => button('ir-option', h('span', { html: c.html }), () => {
        options.forEach((b) => (b.disabled = true));
        options[ci]!.classList.add('is-chosen');
        engine.choose(si, ci);
        refresh();
        if (!c.feedbackHtml) return again();
        cont = button('ir-btn ir-primary', s.continue, again);
        fill(feedback, box(c.quality === 'good' ? true : c.quality === 'bad' ? false : null, '', chosen(c)), div('ir-actions', cont));
        reach(cont);
      }));
      body = [h('p', { class: 'ir-strong ir-ask', id: label }, s.whatDoYouDo), h('div', { class: 'ir-options', role: 'group', 'aria-labelledby': label }, options), feedback];
    }
    fill(view,
      top(s.scenario + ' · ' + x.title, scene.title),
      sp.scene === ref.start && x.introHtml ? prose(x.introHtml, 'ir-intro') : null,
      prose(scene.html),
      body);
    if (focus) engine.showScene();
  };

  // ---- mount ----
  fill(root,
    h('a', { class: 'ir-skip', href: '#ir-main', onclick: (e) => {
      e.preventDefault();
      focusHeading();
    } }, s.skip),
    h('header', 'ir-hd', div('ir-wrap ir-hd-in', menu, h('h1', 'ir-course', course.title),
      div('ir-meter', meter, deco('ir-bar', bar)),
      transport.exit && button('ir-btn ir-quiet', s.exit, () => {
        engine.finish();
        transport.exit!();
      }))),
    status,
    div('ir-wrap ir-shell', toc,
      h('main', { id: 'ir-main', class: 'ir-main', tabindex: '-1', onclick: onContentClick },
        view, h('nav', { class: 'ir-pager', 'aria-label': s.pager }, prev, pos, next))));
  // Escape closes the contents list wherever the focus is (on its toggle, or in the list).
  root.onkeydown = (e) => {
    if (e.key === 'Escape' && tocOpen) {
      openToc(false);
      menu.focus();
    }
  };
  transport.onHealth(onHealth);
  engine.enter();
  render(false);
  // One line: where the learner continues, and whether the course changed under their saved progress.
  const welcome = engine.update || (engine.resumed && 'resumed');
  if (welcome) notice('r', f(s[welcome], title(engine.at)), '');
}
