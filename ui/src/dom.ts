// A tiny DOM builder. Text always goes in through text nodes, never innerHTML,
// so article data cannot inject markup.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = String(v);
    else if (k === 'style') el.setAttribute('style', String(v));
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function replaceChildren(el: Element, ...children: (Child | Child[])[]): void {
  el.textContent = '';
  append(el, children);
}

/** Joins nodes with a separator ("·"). */
export function joinWith(parts: (Node | string)[], sep: () => Node | string): (Node | string)[] {
  const out: (Node | string)[] = [];
  parts.forEach((p, i) => {
    if (i) out.push(sep());
    out.push(p);
  });
  return out;
}

/** Text from articles: dir="auto" so Arabic/Hebrew lay out right-to-left on their own. */
export function text<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, value: string, attrs: Attrs = {}) {
  return h(tag, { class: cls, dir: 'auto', ...attrs }, value);
}

export function announce(message: string): void {
  const live = document.getElementById('announcer');
  if (live) live.textContent = message;
}
