/**
 * The player's screens, built inside `<div id="app">`: header with progress,
 * table of contents, lesson pages with native questions, scenarios, results.
 * Every control is a native element whose accessible name is its visible text
 * (SPEC §5). Written as closures so the minifier can shorten every name: the
 * whole player must stay within its size budget.
 */
import type { RuntimeQuestion } from '../shared/runtime-types';
import type { Engine } from './engine';
import { add, button, fill, h } from './dom';
import type { Strings } from './strings';
import type { Transport, TransportHealth } from './transport/types';

export function mountApp(root: HTMLElement, engine: Engine, s: Strings, transport: Transport): void {
  const { ix, course } = engine;
  const last = ix.stops.length - 1;
  const links: HTMLButtonElement[] = [];
  const notices: Record<string, HTMLElement> = {};
  /** Scenarios replayed in this session: their endings say the first play's score stays. */
  const replayed: Record<number, boolean> = {};
  let uid = 0;

  const openToc = (open: boolean) => {
    root.classList.toggle('ir-toc-open', open);
    menu.setAttribute('aria-expanded', String(open));
  };
  const menu = h('button', { type: 'button', class: 'ir-menu', 'aria-expanded': 'false', 'aria-controls': 'ir-toc', onclick: () => openToc(!root.classList.contains('ir-toc-open')) },
    h('span', { class: 'ir-burger', 'aria-hidden': 'true' }), s.toc);
  const meter = h('span');
  const bar = h('span', 'ir-fill');
  const status = h('div', { class: 'ir-notices', role: 'status' });
  const toc = h('nav', { id: 'ir-toc', class: 'ir-toc', 'aria-label': s.toc, onkeydown: (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && root.classList.contains('ir-toc-open')) {
      openToc(false);
      menu.focus();
    }
  } });
  const view = h('div', 'ir-view');
  const prev = button('ir-btn ir-quiet', s.prev, () => go(engine.at - 1));
  const next = button('ir-btn ir-primary ir-next', s.next, () => go(engine.at + 1));
  const pos = h('span', 'ir-pos');

  // ---- table of contents ----
  const link = (at: number, ...label: Array<Node | string>) =>
    (links[at] = button('ir-link', [h('span', { class: 'ir-dot', 'aria-hidden': 'true' }), h('span', 'ir-lt', ...label), h('span', 'ir-sr')], () => {
      openToc(false);
      go(at);
    }));
  const units = h('ol', 'ir-units');
  let l = 0;
  let sc = 0;
  for (const unit of course.units) {
    if (unit.kind === 'lesson') {
      const id = 'ir-u' + uid++;
      add(units, [h('li', 'ir-unit',
        h('p', { class: 'ir-head', id }, h('span', 'ir-kind', s.lesson(l + 1)), unit.title),
        h('ol', { 'aria-labelledby': id }, ix.lessons[l++]!.pages.map((p) => h('li', null, link(ix.pageStop[p]!, ix.pages[p]!.page.title)))))]);
    } else {
      add(units, [h('li', 'ir-unit', link(ix.scenarioStop[sc++]!, h('span', 'ir-kind', s.scenario), unit.title))]);
    }
  }
  add(units, [h('li', 'ir-unit', link(last, s.results))]);
  toc.appendChild(units);

  const done = (at: number): boolean => {
    const stop = ix.stops[at]!;
    const p = engine.progress;
    if (stop.kind === 'page') return !!p.pages[stop.i] && ix.questions.every((q, i) => q.page !== stop.i || p.questions[i]!.first !== null);
    return stop.kind === 'scenario' && p.scenarios[stop.i]!.ending !== null;
  };
  const title = (at: number): string => {
    const stop = ix.stops[at]!;
    return stop.kind === 'page' ? ix.pages[stop.i]!.page.title : stop.kind === 'scenario' ? ix.scenarios[stop.i]!.scenario.title : s.results;
  };

  const refresh = () => {
    const p = engine.progress;
    const total = p.pages.length + p.questions.length + p.scenarios.length;
    const n = p.pages.filter(Boolean).length + p.questions.filter((q) => q.first !== null).length + p.scenarios.filter((x) => x.ending !== null).length;
    const pct = total ? Math.floor((100 * n) / total) : 100;
    meter.textContent = s.progress(pct);
    bar.style.width = pct + '%';
    links.forEach((b, at) => {
      const d = done(at);
      b.classList.toggle('is-done', d);
      b.lastChild!.textContent = d ? ` (${s.done})` : '';
      if (at === engine.at) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    });
    // Keep the current entry in view in a scrolling table of contents.
    const cur = links[engine.at];
    if (cur && (cur.offsetTop < toc.scrollTop || cur.offsetTop + cur.offsetHeight > toc.scrollTop + toc.clientHeight)) {
      toc.scrollTop = cur.offsetTop - toc.clientHeight / 3;
    }
    prev.disabled = engine.at === 0;
    next.hidden = engine.at === last;
    next.textContent = engine.at === last - 1 ? s.results : s.next;
    pos.textContent = engine.at < last ? s.stopOf(engine.at + 1, last) : '';
  };

  const notice = (key: string, text: string | null, tone?: string) => {
    if (notices[key]) status.removeChild(notices[key]!);
    delete notices[key];
    if (text) status.appendChild((notices[key] = h('p', 'ir-box ir-notice ' + tone, text)));
  };
  const onHealth = (health: TransportHealth) => {
    if (health.kind === 'standalone') notice('s', s.notSaved, '');
    else notice('f', health.kind === 'failing' ? s.failing : null, 'ir-warn');
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
  const render = (focus: boolean) => {
    const stop = ix.stops[engine.at]!;
    view.classList.remove('ir-enter');
    if (stop.kind === 'page') page(stop.i);
    else if (stop.kind === 'scenario') scenario(stop.i, focus);
    else results();
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
    const t = e.target as Element;
    const a = t && t.closest ? t.closest('a[data-ir-unit]') : null;
    if (!a) return;
    const unit = a.getAttribute('data-ir-unit');
    const anchor = a.getAttribute('data-ir-anchor');
    let at = -1;
    ix.pages.forEach((p, i) => {
      if (p.lesson.id === unit && (at < 0 || p.page.id === anchor)) at = ix.pageStop[i]!;
    });
    ix.scenarios.forEach((x, i) => {
      if (x.scenario.id === unit) at = ix.scenarioStop[i]!;
    });
    if (at >= 0) {
      e.preventDefault();
      go(at);
    }
  };
  const heading = (text: string) => h('h2', { class: 'ir-title', tabindex: '-1' }, text);
  const prose = (html: string, cls = '') => h('div', { class: 'ir-prose ' + cls, html });
  const num = (n: number) => String(Math.round(n * 100) / 100).replace('.', s.decimal);

  // ---- lesson pages ----
  const page = (i: number) => {
    const ref = ix.pages[i]!;
    const lesson = ref.lesson;
    let q = ix.questions.findIndex((x) => x.page === i);
    fill(view,
      h('p', 'ir-eyebrow', s.lesson(ref.l + 1) + (lesson.title === ref.page.title ? '' : ' · ' + lesson.title)),
      heading(ref.page.title),
      ref.n === 0 && (lesson.objectives.length || lesson.duration)
        ? h('div', 'ir-obj',
            lesson.objectives.length ? [h('p', 'ir-strong', s.objectives), h('ul', null, lesson.objectives.map((o) => h('li', null, o)))] : null,
            lesson.duration ? h('p', 'ir-muted', s.minutes(lesson.duration)) : null)
        : null,
      ref.page.blocks.map((b) => (b.kind === 'html' ? prose(b.html) : question(q++, b.question))));
  };

  const question = (qi: number, q: RuntimeQuestion) => {
    const id = 'ir-q' + uid++;
    const inputs = q.choices.map((_, i) => h('input', { type: q.multiple ? 'checkbox' : 'radio', name: id, value: i }));
    const labels = q.choices.map((c, i) => h('label', 'ir-choice', inputs[i]!, h('span', { html: c.html })));
    const sync = () => labels.forEach((l, i) => l.classList.toggle('is-checked', inputs[i]!.checked));
    inputs.forEach((x) => x.addEventListener('change', sync));
    const legend = h('legend', { class: 'ir-prompt', html: q.promptHtml });
    // A legend holds phrasing content: the prompt's paragraphs become block spans.
    const paras = legend.querySelectorAll('p');
    for (let i = 0; i < paras.length; i++) {
      const p = paras[i]!;
      const span = h('span', 'ir-p');
      while (p.firstChild) span.appendChild(p.firstChild);
      legend.replaceChild(span, p);
    }
    const set = h('fieldset', { class: 'ir-set', 'aria-describedby': id + 'h' }, legend,
      h('p', { class: 'ir-hint', id: id + 'h' }, q.multiple ? s.pickAll : s.pickOne), h('div', 'ir-choices', labels));
    const feedback = h('div', { class: 'ir-fb', 'aria-live': 'polite' });
    const actions = h('div', 'ir-actions');
    const check = h('button', { type: 'submit', class: 'ir-btn ir-primary' }, s.check);
    const retry = button('ir-btn', s.retry, () => {
      inputs.forEach((x) => (x.checked = false));
      engine.showQuestion(qi);
      open();
      inputs[0]!.focus();
    });
    const open = () => {
      set.disabled = false;
      labels.forEach((l) => (l.className = 'ir-choice'));
      fill(feedback);
      fill(actions, check);
    };
    const answered = (announce: boolean) => {
      const chosen = engine.progress.questions[qi]!.last;
      const correct = q.choices.every((c, i) => c.correct === chosen.indexOf(i) >= 0);
      inputs.forEach((x, i) => (x.checked = chosen.indexOf(i) >= 0));
      labels.forEach((l, i) => (l.className = 'ir-choice' + (chosen.indexOf(i) < 0 ? '' : q.choices[i]!.correct ? ' is-right' : ' is-wrong')));
      set.disabled = true;
      // The retry button takes the check button's place and the focus; the verdict is announced.
      fill(actions, retry, h('p', 'ir-note', s.firstCounts));
      if (announce) retry.focus();
      fill(feedback,
        h('div', 'ir-box ' + (correct ? 'ir-ok' : 'ir-no'),
          h('p', 'ir-strong ir-tone', correct ? s.correct : s.incorrect),
          chosen.map((i) => {
            const c = q.choices[i]!;
            return c.feedbackHtml ? h('div', 'ir-item', h('p', 'ir-strong', s.youChose + ' ' + c.text), prose(c.feedbackHtml)) : null;
          })));
    };
    const form = h('form', { class: 'ir-q', novalidate: true, onsubmit: (e) => {
      e.preventDefault();
      if (set.disabled) return;
      const chosen: number[] = [];
      inputs.forEach((x, i) => x.checked && chosen.push(i));
      if (!chosen.length) return fill(feedback, h('p', 'ir-strong ir-no ir-tone', s.pickFirst));
      engine.answer(qi, chosen);
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
    if (scene.ending) {
      const first = sp.ending === null ? null : x.scenes[sp.ending]!.ending;
      const earned = num(first ? (x.points * first.score) / 100 : 0);
      const pass = scene.ending.outcome === 'pass';
      body = [
        h('div', 'ir-box ir-ending ' + (pass ? 'ir-ok' : 'ir-no'),
          h('p', 'ir-strong', pass ? s.endingPass : s.endingFail),
          h('p', null, s.endingScore(scene.ending.score)),
          h('p', null, (sp.ending === sp.scene && !replayed[si] ? s.earned : s.replayNote)(earned, num(x.points)))),
        h('div', 'ir-actions', button('ir-btn', s.playAgain, () => {
          replayed[si] = true;
          engine.replay(si);
          again();
        })),
      ];
    } else {
      const label = 'ir-c' + uid++;
      const feedback = h('div', { class: 'ir-fb', 'aria-live': 'polite' });
      const options = scene.choices.map((c, ci) => button('ir-option', h('span', { html: c.html }), () => {
        options.forEach((b) => (b.disabled = true));
        options[ci]!.classList.add('is-chosen');
        engine.choose(si, ci);
        refresh();
        if (!c.feedbackHtml) return again();
        const cont = button('ir-btn ir-primary', s.continue, again);
        fill(feedback,
          h('div', 'ir-box ' + (c.quality === 'good' ? 'ir-ok' : c.quality === 'bad' ? 'ir-no' : ''), h('p', 'ir-strong', s.youChose + ' ' + c.text), prose(c.feedbackHtml)),
          h('div', 'ir-actions', cont));
        cont.focus();
      }));
      body = [h('p', { class: 'ir-strong ir-ask', id: label }, s.whatDoYouDo), h('div', { class: 'ir-options', role: 'group', 'aria-labelledby': label }, options), feedback];
    }
    fill(view,
      h('p', 'ir-eyebrow', s.scenario + ' · ' + x.title),
      heading(scene.title),
      sp.scene === ref.start && x.introHtml ? prose(x.introHtml, 'ir-intro') : null,
      prose(scene.html),
      body);
    if (focus) engine.showScene();
  };

  // ---- results ----
  const results = () => {
    const p = engine.progress;
    const r = engine.result;
    const todo = (heading: string, items: Array<[string, number, boolean]>) => {
      const open = items.filter((t) => !t[2]);
      return open.length ? [h('h4', null, heading), h('ul', null, open.map(([text, at]) => h('li', null, button('ir-linkbtn', text, () => go(at)))))] : null;
    };
    fill(view,
      heading(s.results),
      h('div', 'ir-result ir-' + r.status,
        h('p', 'ir-muted', h('span', 'ir-num', String(r.score)), ' ' + s.of100),
        h('p', null, s.status + ': ', h('strong', null, s.statuses[r.status])),
        course.passingScore !== null ? h('p', 'ir-muted', s.passing(course.passingScore)) : null,
        r.complete ? h('p', null, s.finished) : null),
      r.dimensions.length
        ? [h('h3', null, s.byDimension),
           h('div', { class: 'ir-table', tabindex: '0' }, h('table', null,
             h('thead', null, h('tr', null, [s.dimension, s.score, s.status].map((t) => h('th', { scope: 'col' }, t)))),
             h('tbody', null, r.dimensions.map((d) => {
               const dim = course.dimensions.find((x) => x.id === d.id);
               return h('tr', null, h('th', { scope: 'row' }, dim ? dim.label : d.id), h('td', null, String(d.score)), h('td', null, s.statuses[d.status]));
             }))))]
        : null,
      r.complete ? null : [
        h('h3', null, s.remaining),
        todo(s.readPages, ix.pages.map((x, i) => [x.page.title, ix.pageStop[i]!, p.pages[i]!])),
        todo(s.answerQuestions, ix.questions.map((x, i) => [clip(x.question.promptText) + ' — ' + s.inPage(ix.pages[x.page]!.page.title), ix.pageStop[x.page]!, p.questions[i]!.first !== null])),
        todo(s.playScenarios, ix.scenarios.map((x, i) => [x.scenario.title, ix.scenarioStop[i]!, p.scenarios[i]!.ending !== null])),
      ]);
  };

  // ---- mount ----
  fill(root,
    h('a', { class: 'ir-skip', href: '#ir-main', onclick: (e) => {
      e.preventDefault();
      focusHeading();
    } }, s.skip),
    h('header', 'ir-hd', h('div', 'ir-wrap ir-hd-in', menu, h('h1', 'ir-course', course.title),
      h('div', 'ir-meter', meter, h('span', { class: 'ir-bar', 'aria-hidden': 'true' }, bar)))),
    status,
    h('div', 'ir-wrap ir-shell', toc,
      h('main', { id: 'ir-main', class: 'ir-main', tabindex: '-1', onclick: onContentClick },
        view, h('nav', { class: 'ir-pager', 'aria-label': s.pager }, prev, pos, next))));
  transport.onHealth(onHealth);
  if (transport.name === 'standalone') onHealth({ kind: 'standalone' });
  engine.enter();
  render(false);
  if (engine.resumed) notice('r', s.resumed(title(engine.at)), '');
}

function clip(text: string): string {
  return text.length > 90 ? text.slice(0, 88).replace(/\s+\S*$/, '') + '…' : text;
}
