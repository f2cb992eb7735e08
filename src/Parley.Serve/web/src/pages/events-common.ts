import type { Party, Vocab } from "../api";
import { h, link } from "../dom";

/** Parties as links to their actor pages, joined by commas. */
export function parties(list: Party[]): HTMLElement {
  const el = h("span", { class: "parties" });
  if (list.length === 0) el.append(h("span", { class: "muted" }, "?"));
  list.forEach((p, i) => {
    if (i > 0) el.append(", ");
    const label = p.name ?? p.code ?? "?";
    el.append(p.key ? h("a", { class: "actor-link", href: link(["actor", p.key]), title: p.code ?? undefined }, label) : h("span", null, label));
  });
  return el;
}

/** "coop" or "conflict" from the PLOVER type's quad (1–2 cooperation, 3–4 conflict). */
export function tone(type: string, vocab: Vocab): string {
  const quad = vocab.event_types.find((t) => t.type === type.toUpperCase())?.quad;
  return quad === undefined ? "neutral" : quad <= 2 ? "coop" : "conflict";
}

export function typeOptions(vocab: Vocab): [string, string][] {
  return [["", "any type"], ...vocab.event_types.map((t): [string, string] => [t.type, t.type])];
}

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2023-09" → "September 2023"; "2023" → "2023". */
export function monthLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? `${months[Number(m[2]) - 1]} ${m[1]}` : key;
}
