import './style.css';
import { replaceChildren } from './dom';
import { createListView, type ListView } from './list';
import { parseRoute } from './query';
import { emptyBlock } from './states';
import { createStoryPage, type StoryPage } from './story';
import { h } from './dom';

const main = document.getElementById('main')!;
// The list puts the reader back where they were (ListView.show); the browser's own restoring
// would race with the page being rebuilt.
history.scrollRestoration = 'manual';
let list: ListView | null = null;
let page: StoryPage | null = null;

function navigate(href: string, replace: boolean): void {
  if (replace) {
    history.replaceState(null, '', href);
    route();
  } else {
    location.hash = href.slice(1);
  }
}

function route(): void {
  const r = parseRoute(location.hash);
  if (r.name === 'story' && page?.id === r.id) {
    // Only `?a=` changed (back/forward between articles): no reload.
    page.showArticle(r.article);
    return;
  }
  page?.dispose();
  page = null;
  if (r.name === 'list') {
    if (!list) list = createListView(navigate);
    if (list.root.parentElement !== main) replaceChildren(main, list.root);
    list.show(r.filters);
    return;
  }
  if (list?.root.parentElement === main) list.leave();
  window.scrollTo(0, 0);
  if (r.name === 'story') {
    page = createStoryPage(r.id, r.article);
    replaceChildren(main, page.root);
  } else {
    replaceChildren(main, emptyBlock('Page not found', 'There is nothing at this address.', h('a', { class: 'btn', href: '#/' }, 'All stories')));
  }
}

window.addEventListener('hashchange', route);
route();

// The skip link must not change the hash (it drives routing): focus <main> directly.
document.querySelector('.skip-link')?.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
