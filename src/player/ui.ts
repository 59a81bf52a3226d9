/**
 * The player's screens, built inside `<div id="app">`: header with progress,
 * table of contents, lesson pages with native questions, scenarios, results.
 * Every control is a native element with an accessible name (SPEC §5).
 */
import type { RuntimeQuestion, RuntimeScenario } from '../shared/runtime-types';
import type { Engine } from './engine';
import { add, fill, h, sr } from './dom';
import type { Strings } from './strings';
import type { Transport, TransportHealth } from './transport/types';

export class App {
  private main!: HTMLElement;
  private view!: HTMLElement;
  private toc!: HTMLElement;
  private menu!: HTMLButtonElement;
  private meter!: HTMLElement;
  private bar!: HTMLElement;
  private status!: HTMLElement;
  private prev!: HTMLButtonElement;
  private next!: HTMLButtonElement;
  private position!: HTMLElement;
  private links: HTMLButtonElement[] = [];
  private notices: Record<string, HTMLElement> = {};
  private uid = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly engine: Engine,
    private readonly s: Strings,
    private readonly transport: Transport,
  ) {}

  mount(): void {
    const { s, engine } = this;
    const course = engine.course;
    this.menu = h('button', { type: 'button', class: 'ir-menu', 'aria-expanded': 'false', 'aria-controls': 'ir-toc', onclick: () => this.openToc(this.menu.getAttribute('aria-expanded') !== 'true') },
      h('span', { class: 'ir-menu__icon', 'aria-hidden': 'true' }), s.toc);
    this.meter = h('span', { class: 'ir-meter__text' });
    this.bar = h('span', { class: 'ir-meter__fill' });
    this.status = h('div', { class: 'ir-notices', role: 'status', 'aria-live': 'polite' });
    this.toc = h('nav', { id: 'ir-toc', class: 'ir-toc', 'aria-label': s.toc, onkeydown: (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && this.root.classList.contains('ir-toc-open')) {
        this.openToc(false);
        this.menu.focus();
      }
    } });
    this.view = h('div', { class: 'ir-view' });
    this.prev = h('button', { type: 'button', class: 'ir-btn ir-btn--quiet ir-prev', onclick: () => this.go(engine.at - 1) }, s.prev);
    this.next = h('button', { type: 'button', class: 'ir-btn ir-btn--primary ir-next', onclick: () => this.go(engine.at + 1) }, s.next);
    this.position = h('span', { class: 'ir-pager__pos' });
    this.main = h('main', { id: 'ir-main', class: 'ir-main', tabindex: '-1', onclick: (e) => this.onContentClick(e) },
      this.view,
      h('nav', { class: 'ir-pager', 'aria-label': s.pager }, this.prev, this.position, this.next));

    fill(this.root,
      h('a', { class: 'ir-skip', href: '#ir-main', onclick: (e) => { e.preventDefault(); this.focusHeading(); } }, s.skip),
      h('header', { class: 'ir-header' },
        h('div', { class: 'ir-header__inner' },
          this.menu,
          h('h1', { class: 'ir-course' }, course.title),
          h('div', { class: 'ir-meter' }, this.meter, h('span', { class: 'ir-meter__bar', 'aria-hidden': 'true' }, this.bar)))),
      this.status,
      h('div', { class: 'ir-shell' }, this.toc, this.main));
    this.buildToc();

    this.transport.onHealth((health) => this.onHealth(health));
    if (this.transport.name === 'standalone') this.onHealth({ kind: 'standalone' });
    engine.enter();
    this.render(false);
    if (engine.resumed) this.notice('resume', s.resumed(this.stopTitle(engine.at)), 'info');
  }

  // ---- chrome ----

  private buildToc(): void {
    const { engine, s } = this;
    const ix = engine.ix;
    const link = (at: number, ...label: Array<Node | string>) => {
      const b = h('button', { type: 'button', class: 'ir-toc__link', onclick: () => { this.openToc(false); this.go(at); } },
        h('span', { class: 'ir-dot', 'aria-hidden': 'true' }), h('span', { class: 'ir-toc__text' }, ...label), sr(''));
      this.links[at] = b;
      return b;
    };
    const list = h('ol', { class: 'ir-toc__units' });
    let lessonNo = 0;
    let scenarioNo = 0;
    for (const unit of engine.course.units) {
      if (unit.kind === 'lesson') {
        const l = ix.lessons[lessonNo++]!;
        const head = 'ir-u' + this.uid++;
        add(list, h('li', { class: 'ir-toc__unit' },
          h('p', { class: 'ir-toc__head', id: head }, h('span', { class: 'ir-toc__kind' }, s.lesson(lessonNo)), unit.title),
          h('ol', { class: 'ir-toc__pages', 'aria-labelledby': head }, l.pages.map((p) => h('li', null, link(ix.pageStop[p]!, ix.pages[p]!.page.title))))));
      } else {
        const at = ix.scenarioStop[scenarioNo++]!;
        add(list, h('li', { class: 'ir-toc__unit ir-toc__unit--scenario' }, link(at, h('span', { class: 'ir-toc__kind' }, s.scenario), unit.title)));
      }
    }
    add(list, h('li', { class: 'ir-toc__unit ir-toc__unit--results' }, link(ix.stops.length - 1, s.results)));
    fill(this.toc, list);
  }

  private openToc(open: boolean): void {
    this.root.classList.toggle('ir-toc-open', open);
    this.menu.setAttribute('aria-expanded', String(open));
  }

  /** Whether a stop is done: a page viewed with its questions answered, a scenario played to an end. */
  private stopDone(at: number): boolean {
    const { ix, progress } = this.engine;
    const stop = ix.stops[at]!;
    if (stop.kind === 'page') return !!progress.pages[stop.i] && ix.questions.every((q, i) => q.page !== stop.i || progress.questions[i]!.first !== null);
    if (stop.kind === 'scenario') return progress.scenarios[stop.i]!.ending !== null;
    return false;
  }

  private stopTitle(at: number): string {
    const { ix } = this.engine;
    const stop = ix.stops[at]!;
    if (stop.kind === 'page') return ix.pages[stop.i]!.page.title;
    if (stop.kind === 'scenario') return ix.scenarios[stop.i]!.scenario.title;
    return this.s.results;
  }

  private refresh(): void {
    const { engine, s } = this;
    const { ix, progress } = engine;
    const total = ix.pages.length + ix.questions.length + ix.scenarios.length;
    const done =
      progress.pages.filter(Boolean).length +
      progress.questions.filter((q) => q.first !== null).length +
      progress.scenarios.filter((x) => x.ending !== null).length;
    const pct = total ? Math.floor((100 * done) / total) : 100;
    this.meter.textContent = s.progress(pct);
    this.bar.style.width = pct + '%';
    this.links.forEach((b, at) => {
      const isDone = this.stopDone(at);
      b.classList.toggle('is-done', isDone);
      b.lastChild!.textContent = isDone ? ` (${s.done})` : '';
      if (at === engine.at) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    });
    const last = ix.stops.length - 1;
    this.prev.disabled = engine.at === 0;
    this.next.hidden = engine.at === last;
    this.next.textContent = engine.at === last - 1 ? s.results : s.next;
    this.position.textContent = engine.at < last ? s.stopOf(engine.at + 1, last) : '';
  }

  private notice(key: string, text: string | null, tone?: 'info' | 'warn'): void {
    const old = this.notices[key];
    if (old) old.remove();
    delete this.notices[key];
    if (text) this.status.appendChild((this.notices[key] = h('p', { class: 'ir-notice ir-notice--' + tone }, text)));
  }

  private onHealth(health: TransportHealth): void {
    if (health.kind === 'standalone') this.notice('standalone', this.s.notSaved, 'info');
    else this.notice('failing', health.kind === 'failing' ? this.s.failing : null, 'warn');
  }

  // ---- navigation ----

  private go(at: number): void {
    this.notice('resume', null);
    this.engine.go(at);
    this.render(true);
  }

  private render(focus: boolean): void {
    const { engine } = this;
    const stop = engine.ix.stops[engine.at]!;
    if (focus) this.view.classList.remove('ir-enter');
    if (stop.kind === 'page') this.renderPage(stop.i);
    else if (stop.kind === 'scenario') this.renderScenario(stop.i, focus);
    else this.renderResults();
    this.refresh();
    if (focus) {
      void this.view.offsetWidth;
      this.view.classList.add('ir-enter');
      this.focusHeading(true);
    }
  }

  private focusHeading(top?: boolean): void {
    const heading = this.view.querySelector<HTMLElement>('h2');
    if (top) {
      try {
        window.scrollTo(0, 0);
      } catch {
        /* some sandboxed frames refuse */
      }
    }
    if (heading) heading.focus({ preventScroll: !!top });
  }

  /** In-course links from the compiler: `<a data-ir-unit="…" data-ir-anchor="…">`. */
  private onContentClick(e: Event): void {
    const target = e.target as Element | null;
    const a = target && target.closest ? target.closest('a[data-ir-unit]') : null;
    if (!a) return;
    const { ix } = this.engine;
    const unit = a.getAttribute('data-ir-unit');
    const anchor = a.getAttribute('data-ir-anchor');
    let at = -1;
    ix.pages.forEach((p, i) => {
      if (p.lesson.id === unit && (at < 0 || p.page.id === anchor)) at = ix.pageStop[i]!;
    });
    ix.scenarios.forEach((x, i) => {
      if (x.scenario.id === unit) at = ix.scenarioStop[i]!;
    });
    if (at < 0) return;
    e.preventDefault();
    this.go(at);
  }

  private heading(text: string): HTMLHeadingElement {
    return h('h2', { class: 'ir-title', tabindex: '-1' }, text);
  }

  // ---- lesson pages ----

  private renderPage(i: number): void {
    const { engine, s } = this;
    const ref = engine.ix.pages[i]!;
    const lesson = ref.lesson;
    const intro = ref.n === 0 && (lesson.objectives.length > 0 || lesson.duration)
      ? h('div', { class: 'ir-objectives' },
          lesson.objectives.length ? [h('p', { class: 'ir-objectives__title' }, s.objectives), h('ul', null, lesson.objectives.map((o) => h('li', null, o)))] : null,
          lesson.duration ? h('p', { class: 'ir-objectives__time' }, s.minutes(lesson.duration)) : null)
      : null;
    let q = engine.ix.questions.findIndex((x) => x.page === i);
    fill(this.view,
      h('p', { class: 'ir-eyebrow' }, s.lesson(ref.l + 1) + ' · ' + lesson.title),
      this.heading(ref.page.title),
      intro,
      ref.page.blocks.map((b) => (b.kind === 'html' ? h('div', { class: 'ir-prose', html: b.html }) : this.question(q++, b.question))));
  }

  private question(qi: number, q: RuntimeQuestion): HTMLElement {
    const { engine, s } = this;
    const id = 'ir-q' + this.uid++;
    const inputs = q.choices.map((c, i) =>
      h('input', { type: q.multiple ? 'checkbox' : 'radio', name: id, value: String(i), class: 'ir-choice__input' }));
    const labels = q.choices.map((c, i) => h('label', { class: 'ir-choice' }, inputs[i]!, h('span', { class: 'ir-choice__text', html: c.html })));
    const sync = () => labels.forEach((l, i) => l.classList.toggle('is-checked', inputs[i]!.checked));
    inputs.forEach((x) => x.addEventListener('change', sync));
    const legend = h('legend', { class: 'ir-q__prompt', html: q.promptHtml });
    // A legend holds phrasing content: the prompt's paragraphs become block spans.
    Array.prototype.slice.call(legend.querySelectorAll('p')).forEach((p: HTMLElement) => {
      const span = h('span', { class: 'ir-p' });
      while (p.firstChild) span.appendChild(p.firstChild);
      p.parentNode!.replaceChild(span, p);
    });
    const hint = h('p', { class: 'ir-q__hint', id: id + 'h' }, q.multiple ? s.pickAll : s.pickOne);
    const set = h('fieldset', { class: 'ir-q__set', 'aria-describedby': id + 'h' }, legend, hint, h('div', { class: 'ir-choices' }, labels));
    const feedback = h('div', { class: 'ir-feedback', 'aria-live': 'polite' });
    const actions = h('div', { class: 'ir-actions' });
    const check = h('button', { type: 'submit', class: 'ir-btn ir-btn--primary' }, s.check);
    const retry = h('button', { type: 'button', class: 'ir-btn', onclick: () => {
      inputs.forEach((x) => (x.checked = false));
      engine.showQuestion(qi);
      open();
      inputs[0]!.focus();
    } }, s.retry);

    const open = () => {
      set.disabled = false;
      labels.forEach((l) => (l.className = 'ir-choice'));
      sync();
      fill(feedback);
      fill(actions, check);
    };
    const answered = (announce: boolean) => {
      const qp = engine.progress.questions[qi]!;
      const correct = q.choices.every((c, i) => c.correct === (qp.last.indexOf(i) >= 0));
      inputs.forEach((x, i) => (x.checked = qp.last.indexOf(i) >= 0));
      labels.forEach((l, i) => {
        const chosen = qp.last.indexOf(i) >= 0;
        l.className = 'ir-choice' + (chosen ? (q.choices[i]!.correct ? ' is-right' : ' is-wrong') : '');
      });
      set.disabled = true;
      // Focus stays on a control (the retry button replaces the check button); the verdict is announced.
      fill(actions, retry, h('p', { class: 'ir-note' }, s.firstCounts));
      if (announce) retry.focus();
      fill(feedback,
        h('div', { class: 'ir-verdict ' + (correct ? 'ir-verdict--ok' : 'ir-verdict--no') },
          h('p', { class: 'ir-verdict__title' }, correct ? s.correct : s.incorrect),
          qp.last.map((i) => {
            const c = q.choices[i]!;
            return c.feedbackHtml
              ? h('div', { class: 'ir-verdict__item' }, h('p', { class: 'ir-verdict__choice' }, s.youChose + ' ' + c.text), h('div', { class: 'ir-prose', html: c.feedbackHtml }))
              : null;
          })));
    };

    const form = h('form', { class: 'ir-q', novalidate: true, onsubmit: (e) => {
      e.preventDefault();
      if (set.disabled) return;
      const chosen: number[] = [];
      inputs.forEach((x, i) => x.checked && chosen.push(i));
      if (!chosen.length) {
        fill(feedback, h('p', { class: 'ir-verdict__hint' }, s.pickFirst));
        return;
      }
      engine.answer(qi, chosen);
      answered(true);
      this.refresh();
    } }, set, actions, feedback);
    engine.showQuestion(qi);
    if (engine.progress.questions[qi]!.last.length) answered(false);
    else open();
    return form;
  }

  // ---- scenarios ----

  private renderScenario(si: number, focus: boolean): void {
    const { engine, s } = this;
    const ref = engine.ix.scenarios[si]!;
    const sc: RuntimeScenario = ref.scenario;
    const scene = engine.scene(si);
    const sp = engine.progress.scenarios[si]!;
    const atStart = sp.scene === ref.start;
    const body: Array<Node | null> = [];
    if (scene.ending) {
      const first = sp.ending === null ? null : sc.scenes[sp.ending]!.ending;
      const earned = first ? this.num((sc.points * first.score) / 100) : '0';
      const points = this.num(sc.points);
      const pass = scene.ending.outcome === 'pass';
      body.push(h('div', { class: 'ir-ending ir-ending--' + (pass ? 'pass' : 'fail') },
        h('p', { class: 'ir-ending__title' }, pass ? s.endingPass : s.endingFail),
        h('p', null, s.endingScore(scene.ending.score)),
        h('p', null, sp.ending === sp.scene ? s.earned(earned, points) : s.replayNote(earned, points))),
        h('div', { class: 'ir-actions' }, h('button', { type: 'button', class: 'ir-btn', onclick: () => {
          engine.replay(si);
          this.renderScenario(si, true);
          this.refresh();
          this.focusHeading(true);
        } }, s.playAgain)));
    } else {
      const label = 'ir-c' + this.uid++;
      const feedback = h('div', { class: 'ir-feedback', 'aria-live': 'polite' });
      const buttons = scene.choices.map((c, ci) => h('button', { type: 'button', class: 'ir-option', onclick: () => {
        buttons.forEach((b) => (b.disabled = true));
        buttons[ci]!.classList.add('is-chosen');
        engine.choose(si, ci);
        this.refresh();
        const next = () => {
          this.renderScenario(si, true);
          this.focusHeading(true);
        };
        if (!c.feedbackHtml) return next();
        const go = h('button', { type: 'button', class: 'ir-btn ir-btn--primary', onclick: next }, s.continue);
        fill(feedback,
          h('div', { class: 'ir-verdict ir-verdict--' + c.quality },
            h('p', { class: 'ir-verdict__choice' }, s.youChose + ' ' + c.text),
            h('div', { class: 'ir-prose', html: c.feedbackHtml })),
          h('div', { class: 'ir-actions' }, go));
        go.focus();
      } }, h('span', { html: c.html })));
      body.push(h('p', { class: 'ir-ask', id: label }, s.whatDoYouDo), h('div', { class: 'ir-options', role: 'group', 'aria-labelledby': label }, buttons), feedback);
    }
    fill(this.view,
      h('p', { class: 'ir-eyebrow' }, s.scenario + ' · ' + sc.title),
      this.heading(scene.title),
      atStart && sc.introHtml ? h('div', { class: 'ir-prose ir-intro', html: sc.introHtml }) : null,
      h('div', { class: 'ir-prose', html: scene.html }),
      body);
    if (focus) engine.showScene();
  }

  // ---- results ----

  private renderResults(): void {
    const { engine, s } = this;
    const { ix, progress, result, course } = engine;
    const todo = (title: string, items: Array<[string, number]>) =>
      items.length ? h('div', { class: 'ir-todo' }, h('h3', null, title), h('ul', null, items.map(([text, at]) => h('li', null, h('button', { type: 'button', class: 'ir-linkbtn', onclick: () => this.go(at) }, text))))) : null;
    const dims = result.dimensions.map((d) => {
      const label = course.dimensions.find((x) => x.id === d.id);
      return h('tr', null, h('th', { scope: 'row' }, label ? label.label : d.id), h('td', null, String(d.score)), h('td', null, s.statuses[d.status]));
    });
    fill(this.view,
      this.heading(s.results),
      h('div', { class: 'ir-result ir-result--' + result.status },
        h('p', { class: 'ir-result__score' }, h('span', { class: 'ir-result__num' }, String(result.score)), ' ', h('span', null, s.of100)),
        h('p', { class: 'ir-result__status' }, s.status + ': ', h('strong', null, s.statuses[result.status])),
        course.passingScore !== null ? h('p', { class: 'ir-result__pass' }, s.passing(course.passingScore)) : null,
        result.complete ? h('p', null, s.finished) : null),
      dims.length
        ? [h('h3', null, s.byDimension),
           h('div', { class: 'ir-table', tabindex: '0' }, h('table', null,
             h('thead', null, h('tr', null, h('th', { scope: 'col' }, s.dimension), h('th', { scope: 'col' }, s.score), h('th', { scope: 'col' }, s.status))),
             h('tbody', null, dims)))]
        : null,
      result.complete ? null : h('div', { class: 'ir-todos' },
        h('h3', { class: 'ir-todos__title' }, s.remaining),
        todo(s.readPages, ix.pages.map((p, i): [string, number] => [p.page.title, ix.pageStop[i]!]).filter((_, i) => !progress.pages[i])),
        todo(s.answerQuestions, ix.questions.map((q, i): [string, number] => [clip(q.question.promptText) + ' — ' + s.inPage(ix.pages[q.page]!.page.title), ix.pageStop[q.page]!]).filter((_, i) => progress.questions[i]!.first === null)),
        todo(s.playScenarios, ix.scenarios.map((x, i): [string, number] => [x.scenario.title, ix.scenarioStop[i]!]).filter((_, i) => progress.scenarios[i]!.ending === null))));
  }

  private num(n: number): string {
    return String(Math.round(n * 100) / 100).replace('.', this.s.decimal);
  }
}

function clip(text: string): string {
  return text.length > 90 ? text.slice(0, 88).replace(/\s+\S*$/, '') + '…' : text;
}
