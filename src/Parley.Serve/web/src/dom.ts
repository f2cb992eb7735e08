// DOM helpers. Data only ever reaches the page as text nodes or attribute values set through the DOM API
// (never innerHTML), so article text, titles and quotes cannot inject markup or script.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  href?: string;
  title?: string;
  type?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  for?: string;
  role?: string;
  tabIndex?: number;
  dataset?: Record<string, string>;
  aria?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (key === "class") el.className = value as string;
      else if (key === "tabIndex") el.tabIndex = value as number;
      else if (key === "dataset") Object.assign(el.dataset, value);
      else if (key === "aria") for (const [k, v] of Object.entries(value as Record<string, string>)) el.setAttribute("aria-" + k, v);
      else if (key === "on") for (const [k, v] of Object.entries(value as Record<string, EventListener>)) el.addEventListener(k, v);
      else el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A hash link inside the app: path segments are URI-encoded, query values too. */
export function link(path: string[], query: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const qs = q.toString();
  return "#/" + path.map(encodeURIComponent).join("/") + (qs ? "?" + qs : "");
}

/** A stable palette class for a speaker or actor name. */
export function colourClass(key: string | null | undefined, prefix = "spk"): string {
  if (!key) return `${prefix}-none`;
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return `${prefix}-${Math.abs(hash) % 8}`;
}
