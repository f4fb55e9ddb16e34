// One story: sources side by side, timeline, names & spellings ledger, why grouped.
import { fetchStory } from './api';
import { announce, h, joinWith, replaceChildren, text } from './dom';
import type { ArticleView, MatchedRef, OutletView, StoryView, TimelineView, VariantView } from './model';
import { buildStory } from './model';
import { articleElementId as cardId, storyHref } from './query';
import { errorBlock, loadingBlock, showIndexLoading } from './states';

function badge(initial: string, hue: number, size = ''): HTMLElement {
  return h('span', { class: `badge ${size}`.trim(), style: `--hue:${hue}`, 'aria-hidden': 'true' }, initial);
}

const CHIPS_SHOWN = 8;

function chips(label: string, items: string[], cls: string): HTMLElement | null {
  if (!items.length) return null;
  const list = h('ul', { class: 'chips', 'aria-label': label, tabindex: '-1' });
  const fill = (all: boolean) => {
    const shown = all ? items : items.slice(0, CHIPS_SHOWN);
    replaceChildren(
      list,
      shown.map((s) => h('li', { class: `chip ${cls}`, dir: 'auto' }, s)),
      shown.length < items.length
        ? h(
            'li',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'chip chip-more',
                'aria-label': `Show ${items.length - shown.length} more ${label.toLowerCase()}`,
                onclick: () => {
                  fill(true);
                  list.focus();
                },
              },
              `+${items.length - shown.length} more`,
            ),
          )
        : null,
    );
  };
  fill(false);
  return h('div', { class: 'why-row' }, h('span', { class: 'why-label' }, label), list);
}

/** "Outlet: headline", each isolated (<bdi>) so an Arabic outlet beside a Latin title keeps its order. */
function matchedRef(m: MatchedRef): HTMLElement {
  return h(
    'span',
    { class: 'why-matched' },
    m.source && m.title
      ? [h('bdi', null, m.source), ': ', h('bdi', { lang: m.lang ?? undefined }, m.title)]
      : h('bdi', null, m.title || m.id),
  );
}

const MATCH_HINT = 'Probability that this article and the one named here report the same story';
const STORY_HINT = 'Probability, worked out when this article joined, that it reports the same story as the articles already in it taken together';

function whyGrouped(a: ArticleView): HTMLElement {
  if (a.why.kind === 'first') {
    const c = a.why.closest;
    return h(
      'div',
      { class: 'why why-first' },
      h('p', { class: 'why-title' }, 'Started this story'),
      c
        ? h(
            'p',
            { class: 'why-with' },
            // The figure goes first: the line is clamped to two lines and would hide it at the end.
            c.percent ? [h('span', { class: 'match', title: MATCH_HINT }, `${c.percent} match`), ' with the closest report, '] : 'Closest report: ',
            matchedRef(c.matched),
          )
        : null,
    );
  }
  const w = a.why;
  return h(
    'div',
    { class: 'why' },
    h('p', { class: 'why-title' }, 'Why grouped'),
    w.matched
      ? h(
          'p',
          { class: 'why-with' },
          w.matchPercent ? [h('span', { class: 'match', title: MATCH_HINT }, `${w.matchPercent} match`), ' with '] : 'With ',
          matchedRef(w.matched),
        )
      : null,
    w.storyPercent ? h('p', { class: 'why-story', title: STORY_HINT }, `Fit with the whole story when it joined: ${w.storyPercent}`) : null,
    chips('Shared names', w.sharedEntities, 'chip-entity'),
    chips('Shared terms', w.sharedTerms, 'chip-term'),
  );
}

function articleBlock(a: ArticleView): HTMLElement {
  return h(
    'article',
    { class: 'source-article', id: cardId(a.id), tabindex: '-1', lang: a.lang || undefined },
    h(
      'p',
      { class: 'article-meta' },
      h('time', { datetime: a.published ?? undefined }, a.publishedLabel),
      a.langName ? h('span', { class: 'lang-tag', title: a.langName }, a.lang.toUpperCase()) : null,
    ),
    // dir="auto" on the heading, not its child: it skips children that carry their own dir.
    h(
      'h3',
      { class: 'article-title', dir: 'auto' },
      a.url ? h('a', { class: 'headline', href: a.url, rel: 'noopener noreferrer', target: '_blank' }, a.title) : h('span', { class: 'headline' }, a.title),
    ),
    a.lede ? text('p', 'lede', a.lede) : null,
    a.url
      ? h('a', { class: 'read-more', href: a.url, rel: 'noopener noreferrer', target: '_blank' }, `Read at ${a.host ?? 'source'}`, h('span', { 'aria-hidden': 'true' }, ' ↗'))
      : null,
    whyGrouped(a),
  );
}

function outletCard(o: OutletView): HTMLElement {
  return h(
    'section',
    { class: 'outlet', style: `--hue:${o.hue}`, 'aria-label': o.source },
    h(
      'header',
      { class: 'outlet-head' },
      badge(o.initial, o.hue),
      h(
        'div',
        null,
        text('h3', 'outlet-name', o.source),
        h('p', { class: 'outlet-sub' }, [...o.langNames, `${o.articles.length} ${o.articles.length === 1 ? 'article' : 'articles'}`].join(' · ')),
      ),
    ),
    o.articles.map(articleBlock),
  );
}

/** A modified or non-primary click means "open elsewhere": leave it to the browser. */
const opensElsewhere = (e: MouseEvent) => e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey;

function timelineItem(t: TimelineView, storyId: string, onJump: (id: string) => void): HTMLElement {
  const href = storyHref(storyId, t.articleId);
  return h(
    'li',
    { class: `tl-item${t.first ? ' tl-first' : ''}` },
    h('span', { class: 'tl-dot', 'aria-hidden': 'true' }),
    h('p', { class: 'tl-when' }, h('time', { datetime: t.time ?? undefined }, t.timeLabel), t.offsetLabel ? h('span', { class: 'tl-offset' }, t.offsetLabel) : null),
    t.source ? text('p', 'tl-source', t.source) : null,
    text('a', 'tl-title', t.title || t.articleId, {
      href,
      lang: t.lang ?? undefined,
      onclick: (e: Event) => {
        if (opensElsewhere(e as MouseEvent)) return;
        e.preventDefault();
        // The address names the article (a reload lands on it) without a history entry per jump.
        history.replaceState(null, '', href);
        onJump(t.articleId);
      },
    }),
  );
}

function verdictBadge(v: VariantView): HTMLElement {
  return h('span', { class: `verdict verdict-${v.tone}` }, v.verdict);
}

function ledgerRow(v: VariantView): HTMLElement {
  return h(
    'tr',
    { class: `ledger-row tone-${v.tone}` },
    h('th', { scope: 'row' }, text('span', 'entity-key', v.name, { title: `Match key: ${v.key}` }), h('span', { class: 'entity-kind' }, v.kindLabel)),
    h(
      'td',
      null,
      h(
        'ul',
        { class: 'forms' },
        v.forms.map((f) =>
          h(
            'li',
            { class: 'form' },
            text('span', 'surface', f.surface),
            h(
              'span',
              { class: 'used-by' },
              joinWith(
                f.usedBy.map((u) => h('span', { class: 'used-source', style: `--hue:${u.hue}` }, h('span', { class: 'mini-dot', 'aria-hidden': 'true' }), h('span', { dir: 'auto' }, u.source))),
                () => ' ',
              ),
            ),
          ),
        ),
      ),
    ),
    h('td', { class: 'verdict-cell' }, verdictBadge(v)),
  );
}

function ledgerTable(rows: VariantView[], caption: string): HTMLElement {
  return h(
    'table',
    { class: 'ledger' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Written as — by'), h('th', { scope: 'col' }, 'Verdict'))),
    h('tbody', null, rows.map(ledgerRow)),
  );
}

/** Brings an article's card into view and focus; false when the story has no such article. */
function jumpTo(articleId: string, smooth: boolean): boolean {
  const el = document.getElementById(cardId(articleId));
  if (!el) return false;
  el.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'center' });
  el.focus({ preventScroll: true });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1200);
  return true;
}

function renderStory(v: StoryView, storyId: string): HTMLElement {
  const jump = (id: string) => void jumpTo(id, true);

  const ledger = h(
    'section',
    { class: 'panel ledger-panel', 'aria-labelledby': 'h-names' },
    h('h2', { id: 'h-names', class: 'section-title' }, 'Names & spellings'),
    h('p', { class: 'section-hint' }, 'How each outlet wrote the people and places in this story.'),
    v.variants.length
      ? ledgerTable(v.variants, 'Names written differently across outlets')
      : h('p', { class: 'quiet' }, v.sameForm.length ? 'Every outlet wrote every name the same way.' : 'No names recorded for this story.'),
    v.sameForm.length
      ? h(
          'details',
          { class: 'same-forms' },
          h('summary', null, `${v.sameForm.length} ${v.sameForm.length === 1 ? 'name' : 'names'} written the same everywhere`),
          ledgerTable(v.sameForm, 'Names written the same by every outlet'),
        )
      : null,
  );

  const timeline = h(
    'section',
    { class: 'panel timeline-panel', 'aria-labelledby': 'h-timeline' },
    h('h2', { id: 'h-timeline', class: 'section-title' }, 'Timeline'),
    h('p', { class: 'section-hint' }, 'Reports in order of publication.'),
    v.timeline.length ? h('ol', { class: 'timeline' }, v.timeline.map((t) => timelineItem(t, storyId, jump))) : h('p', { class: 'quiet' }, 'No dated reports.'),
  );

  return h(
    'article',
    { class: 'story' },
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { class: 'back', href: '#/' }, h('span', { 'aria-hidden': 'true' }, '← '), 'All stories')),
    h(
      'header',
      { class: 'story-head' },
      h('p', { class: 'kicker' }, 'Full coverage'),
      text('h1', 'story-title', v.title, { tabindex: '-1', lang: v.titleLang ?? undefined }),
      h(
        'p',
        { class: 'story-meta' },
        joinWith(
          [
            h('span', null, v.metaLine),
            h('span', { class: 'langs' }, v.languages.map((l) => h('abbr', { class: 'lang-tag', title: l.name }, l.code.toUpperCase()))),
            h('span', null, 'First report ', h('time', { datetime: v.firstSeenIso ?? undefined }, v.firstSeenLabel)),
            v.lastSeenIso && v.lastSeenIso !== v.firstSeenIso ? h('span', null, 'Latest ', h('time', { datetime: v.lastSeenIso }, v.lastSeenLabel)) : '',
          ].filter((x) => x !== ''),
          () => h('span', { class: 'dot', 'aria-hidden': 'true' }, '·'),
        ),
      ),
    ),
    h(
      'section',
      { class: 'coverage', 'aria-labelledby': 'h-sources' },
      h('h2', { id: 'h-sources', class: 'section-title' }, 'Sources side by side'),
      v.outlets.length ? h('div', { class: 'outlets' }, v.outlets.map(outletCard)) : h('p', { class: 'quiet' }, 'No articles in this story.'),
    ),
    h('div', { class: 'story-cols' }, ledger, timeline),
  );
}

export interface StoryPage {
  id: string;
  root: HTMLElement;
  /** The same story at another article (`?a=`): scroll to its card instead of reloading. */
  showArticle(article: string | null): void;
  dispose(): void;
}

export function createStoryPage(id: string, article: string | null = null): StoryPage {
  let loaded = false;
  const root = h('div', { class: 'story-view' });
  const controller = new AbortController();

  async function load(): Promise<void> {
    const loading = loadingBlock('Loading story…', 3);
    replaceChildren(root, h('nav', { class: 'crumbs' }, h('a', { class: 'back', href: '#/' }, '← All stories')), loading);
    try {
      const json = await fetchStory(id, {
        signal: controller.signal,
        onLoading: showIndexLoading(loading),
      });
      if (controller.signal.aborted) return;
      const view = buildStory(json);
      replaceChildren(root, renderStory(view, id));
      loaded = true;
      document.title = `${view.title} — storyline`;
      announce(`Story: ${view.title}. ${view.metaLine}`);
      // A link to one article (a reload, a new tab) lands on its card; otherwise on the title.
      if (!article || !jumpTo(article, false)) root.querySelector<HTMLElement>('.story-title')?.focus({ preventScroll: true });
    } catch (e) {
      if (controller.signal.aborted) return;
      replaceChildren(root, h('nav', { class: 'crumbs' }, h('a', { class: 'back', href: '#/' }, '← All stories')), errorBlock(e, () => void load(), 'this story'));
    }
  }

  document.title = 'storyline';
  void load();
  return {
    id,
    root,
    showArticle(a) {
      article = a;
      if (loaded && a) jumpTo(a, true);
    },
    dispose: () => controller.abort(),
  };
}
