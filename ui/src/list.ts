// The ranked story list with its filters (period, language, headline search).
import { fetchThreads } from './api';
import { announce, h, joinWith, replaceChildren, text } from './dom';
import { languageName } from './format';
import { buildThreadList, type ThreadRowView } from './model';
import {
  defaultFilters,
  filtersToApiQuery,
  hasActiveFilters,
  listHref,
  PERIODS,
  storyHref,
  type Filters,
} from './query';
import { emptyBlock, errorBlock, loadingBlock, showIndexLoading } from './states';

/** Languages offered before the index tells us which it has. */
const BASE_LANGS = ['ar', 'de', 'en', 'es', 'fr', 'ru', 'zh'];
const seenLangs = new Set<string>(BASE_LANGS);

export interface ListView {
  root: HTMLElement;
  /**
   * Applies filters (from the URL) to the form and loads the list; coming back (after
   * leave()) with the filters of the results on screen keeps them and the scroll position.
   */
  show(filters: Filters): void;
  /** Called when another page replaces the list: remembers the scroll position, stops loading. */
  leave(): void;
}

export function createListView(navigate: (href: string, replace: boolean) => void): ListView {
  let filters = defaultFilters();
  let controller: AbortController | null = null;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The API query of the results on screen, once they loaded completely. */
  let shownQuery: string | null = null;
  let left = false;
  let scrollY = 0;

  const go = (f: Filters, replace: boolean) => navigate(listHref(f), replace);
  // A filter change reads the search box as it is now: text typed within the debounce
  // would otherwise be lost (syncForm rewrites the box from the URL).
  const change = (f: Partial<Filters>) => {
    clearTimeout(searchTimer);
    go({ ...filters, q: search.value, ...f }, false);
  };
  const searchSoon = () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => go({ ...filters, q: search.value }, true), 300);
  };

  // --- filter form
  const periodGroup = h(
    'div',
    { class: 'segmented', role: 'radiogroup', 'aria-label': 'Time period' },
    PERIODS.map((p) =>
      h(
        'label',
        // The server counts periods back from its newest article, not from the clock.
        { class: 'segment', title: p.key === 'all' ? 'All time' : `${p.label} up to the newest article` },
        h('input', {
          type: 'radio',
          name: 'period',
          value: p.key,
          onchange: () => change({ period: p.key }),
        }),
        h('span', null, p.short),
      ),
    ),
  );
  const langSelect = h('select', {
    id: 'lang',
    onchange: () => change({ lang: langSelect.value }),
  });
  const search = h('input', {
    id: 'q',
    type: 'search',
    placeholder: 'Search headlines',
    autocomplete: 'off',
    spellcheck: 'false',
    dir: 'auto',
    // While an IME composes (Chinese, Japanese) the text is not a word yet: search once it is committed.
    oninput: (e: Event) => {
      if (!(e as InputEvent).isComposing) searchSoon();
    },
    oncompositionend: searchSoon,
  });
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      'aria-label': 'Filter stories',
      onsubmit: (e: Event) => {
        e.preventDefault();
        clearTimeout(searchTimer);
        go({ ...filters, q: search.value }, true);
      },
    },
    h('div', { class: 'filter filter-period' }, h('span', { class: 'filter-label', id: 'period-label' }, 'Period'), periodGroup),
    h('div', { class: 'filter' }, h('label', { class: 'filter-label', for: 'lang' }, 'Language'), langSelect),
    h(
      'div',
      { class: 'filter filter-search' },
      h('label', { class: 'filter-label', for: 'q' }, 'Search'),
      h('div', { class: 'search-box' }, h('span', { class: 'search-icon', 'aria-hidden': 'true' }, '⌕'), search),
    ),
  );
  periodGroup.setAttribute('aria-labelledby', 'period-label');
  periodGroup.setAttribute('aria-describedby', 'as-of');

  const heading = h('h1', { class: 'list-title', tabindex: '-1' }, 'Top stories');
  const asOf = h('p', { class: 'as-of', id: 'as-of' });
  // Not a live region: it would read out every story on each change; announce() says how many.
  const results = h('div', { class: 'results' });
  const root = h(
    'section',
    { class: 'list-view' },
    form,
    h('div', { class: 'list-head' }, heading, asOf),
    results,
  );

  function syncForm(): void {
    for (const input of periodGroup.querySelectorAll('input')) input.checked = input.value === filters.period;
    const langs = [...new Set([...seenLangs, ...(filters.lang ? [filters.lang] : [])])].sort((a, b) =>
      languageName(a).localeCompare(languageName(b)),
    );
    replaceChildren(
      langSelect,
      h('option', { value: '' }, 'All languages'),
      langs.map((l) => h('option', { value: l, selected: l === filters.lang }, languageName(l))),
    );
    langSelect.value = filters.lang;
    if (document.activeElement !== search) search.value = filters.q;
  }

  function row(r: ThreadRowView): HTMLElement {
    const sources = r.topSources;
    const more = r.moreSources;
    return h(
      'li',
      { class: 'story-row' },
      h('span', { class: 'rank', 'aria-hidden': 'true' }, String(r.rank)),
      h(
        'div',
        { class: 'row-body' },
        // dir on the heading itself, so an Arabic title's block (alignment) is right-to-left too;
        // not on the link as well: dir="auto" skips children with their own dir, and would find no text.
        h('h2', { class: 'row-title', dir: 'auto', lang: r.lang ?? undefined }, h('a', { class: 'story-link', href: storyHref(r.id) }, r.title)),
        sources.length
          ? h(
              'p',
              { class: 'row-sources' },
              joinWith(
                sources.map((s) => text('span', 'source-name', s)),
                () => ', ',
              ),
              more > 0 ? ` and ${more} more` : null,
            )
          : null,
        h(
          'p',
          { class: 'row-meta' },
          joinWith(
            [
              h('span', { class: 'meta-outlets' }, r.outletsLabel),
              h('span', { class: 'meta-articles' }, r.articlesLabel),
              h(
                'span',
                { class: 'langs' },
                r.languages.map((l) => h('abbr', { class: 'lang-tag', title: l.name }, l.code.toUpperCase())),
              ),
              h('time', { datetime: r.lastSeenIso ?? undefined, title: `Last seen ${r.lastSeenTitle}` }, r.lastSeen),
            ],
            () => h('span', { class: 'dot', 'aria-hidden': 'true' }, '·'),
          ),
        ),
      ),
    );
  }

  async function load(): Promise<void> {
    controller?.abort();
    const c = new AbortController();
    controller = c;
    shownQuery = null;
    const query = filtersToApiQuery(filters);
    const loading = loadingBlock('Loading stories…');
    replaceChildren(results, loading);
    root.setAttribute('aria-busy', 'true');
    try {
      const json = await fetchThreads(query, {
        signal: c.signal,
        onLoading: showIndexLoading(loading),
      });
      if (c.signal.aborted) return;
      const view = buildThreadList(json);
      const before = seenLangs.size;
      view.languages.forEach((l) => seenLangs.add(l));
      if (seenLangs.size !== before) syncForm();
      asOf.textContent = view.asOf ? `Newest article ${view.asOf}; periods count back from it` : '';
      if (!view.rows.length) {
        replaceChildren(
          results,
          hasActiveFilters(filters)
            ? emptyBlock(
                'No stories match',
                'Try a longer period, another language or different words.',
                h('a', { class: 'btn', href: listHref(defaultFilters()) }, 'Clear filters'),
              )
            : emptyBlock('No stories yet', 'Once articles are added (PUT /articles/{id}), their stories appear here.'),
        );
        announce('No stories');
      } else {
        replaceChildren(results, h('ol', { class: 'stories', 'aria-label': 'Stories, most important first' }, view.rows.map(row)));
        announce(`${view.rows.length} ${view.rows.length === 1 ? 'story' : 'stories'}`);
      }
      shownQuery = query;
    } catch (e) {
      if (c.signal.aborted) return;
      replaceChildren(results, errorBlock(e, () => void load(), 'stories'));
    } finally {
      if (controller === c) root.removeAttribute('aria-busy');
    }
  }

  return {
    root,
    show(f: Filters) {
      const back = left;
      left = false;
      filters = f;
      syncForm();
      document.title = 'storyline — top stories';
      if (back) {
        // Focus was on the page that went away; the heading is where the reader is now.
        heading.focus({ preventScroll: true });
        if (shownQuery === filtersToApiQuery(f)) {
          window.scrollTo(0, scrollY);
          return;
        }
        window.scrollTo(0, 0);
      }
      void load();
    },
    leave() {
      left = true;
      scrollY = window.scrollY;
      controller?.abort();
      clearTimeout(searchTimer);
    },
  };
}
