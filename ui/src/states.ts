// Loading / error / empty blocks shared by both views.
import { ApiError, type RetryReason } from './api';
import { h } from './dom';

export function loadingBlock(label: string, rows = 5): HTMLElement {
  return h(
    'div',
    { class: 'state state-loading', role: 'status', 'aria-live': 'polite', 'aria-busy': 'true' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('span', { class: 'state-text' }, label),
    h('div', { class: 'skeletons', 'aria-hidden': 'true' }, Array.from({ length: rows }, () => h('div', { class: 'skeleton' }))),
  );
}

export function indexLoadingText(attempt: number, reason: RetryReason = 'loading'): string {
  if (reason === 'unreachable') return `Cannot reach the server — retrying (attempt ${attempt})…`;
  return attempt > 1
    ? `The news index is still loading — retrying (attempt ${attempt})…`
    : 'The news index is loading — retrying in a moment…';
}

/** An onLoading callback for the api module: shows its retries (index loading, server unreachable) in a loading block. */
export function showIndexLoading(block: HTMLElement): (attempt: number, reason: RetryReason) => void {
  return (attempt, reason) => {
    const text = block.querySelector('.state-text');
    if (text) text.textContent = indexLoadingText(attempt, reason);
  };
}

export function errorBlock(err: unknown, retry: () => void, what: string): HTMLElement {
  let title = `Could not load ${what}`;
  let detail = 'Something went wrong.';
  if (err instanceof ApiError) {
    if (err.status === 0) {
      title = 'Cannot reach the server';
      detail = 'Check that storyline serve is running, then try again.';
    } else if (err.status === 404) {
      title = 'Story not found';
      detail = 'It may have expired or been merged into another story.';
    } else {
      detail = err.message;
    }
  } else if (err instanceof Error) {
    detail = err.message;
  }
  return h(
    'div',
    { class: 'state state-error', role: 'alert' },
    h('h2', { class: 'state-title' }, title),
    h('p', { class: 'state-text' }, detail),
    h(
      'div',
      { class: 'state-actions' },
      h('button', { type: 'button', class: 'btn', onclick: () => retry() }, 'Try again'),
      err instanceof ApiError && err.status === 404 ? h('a', { class: 'btn btn-quiet', href: '#/' }, 'All stories') : null,
    ),
  );
}

export function emptyBlock(title: string, detail: string, action?: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'state state-empty', role: 'status' },
    h('h2', { class: 'state-title' }, title),
    h('p', { class: 'state-text' }, detail),
    action ? h('div', { class: 'state-actions' }, action) : null,
  );
}
