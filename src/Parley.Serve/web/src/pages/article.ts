import { api, type ArticleDetail, type ActorRef, type EventItem, type Quote } from "../api";
import { clear, colourClass, h, link } from "../dom";
import { date } from "./common";

type Kind = "mention" | "quote" | "event" | "timex" | "place";

interface Annotation { start: number; end: number; kind: Kind; cls: string; lines: string[] }

const kinds: [Kind, string][] = [["mention", "Actors"], ["quote", "Quotes"], ["event", "Events"], ["timex", "Times"], ["place", "Places"]];

export async function articlePage(main: HTMLElement, params: string[], query: URLSearchParams): Promise<void> {
  const id = params[0];
  if (!id) throw new Error("no article id in the address");
  const a = await api.article(id);
  const sentence = query.has("s") ? Number(query.get("s")) : null;
  const annotations = collect(a);
  const { body, sentences } = renderText(a.text, a.sentences, annotations);

  const toggles = h("div", { class: "legend", role: "group", aria: { label: "Highlights" } },
    kinds.map(([k, label]) => {
      const box = h("input", { type: "checkbox", name: `show-${k}` });
      box.checked = true;
      box.addEventListener("change", () => body.classList.toggle(`hide-${k}`, !box.checked));
      return h("label", { class: `toggle ${k}` }, box, h("span", { class: `swatch ${k}` }), label);
    }));

  main.append(
    h("article", { class: "reader" },
      h("header", null,
        h("h1", null, a.title ?? a.id),
        a.subtitle ? h("p", { class: "subtitle" }, a.subtitle) : null,
        h("div", { class: "meta" }, date(a.published), " · ", a.outlet ?? "unknown outlet",
          a.byline ? ` · ${a.byline}` : "", " · ", h("span", { class: "muted" }, `${a.id} · ${a.content_hash.slice(0, 12)}`),
          a.url ? [" · ", h("span", { class: "muted url" }, a.url)] : null)),
      toggles,
      body,
      a.captions.length ? h("aside", { class: "captions" }, h("h2", null, "Captions"), a.captions.map((c) => h("p", null, c))) : null),
    h("aside", { class: "side" },
      h("h2", null, `Quotes (${a.quotes.length})`),
      h("ul", { class: "side-list" }, a.quotes.map((q) => sideQuote(a, q))),
      h("h2", null, `Events (${a.events.length})`),
      h("ul", { class: "side-list" }, a.events.map((e) => sideEvent(a, e))),
      a.errors.length ? [h("h2", null, "Pipeline errors"), h("ul", null, a.errors.map((e) => h("li", null, e)))] : null));
  main.classList.add("with-side");
  attachTooltips(body, annotations);

  if (sentence !== null && Number.isInteger(sentence) && sentences.has(sentence)) {
    const el = sentences.get(sentence)!;
    el.classList.add("target");
    el.setAttribute("aria-current", "true");
    main.addEventListener("parley:shown", () => el.scrollIntoView({ block: "center" }), { once: true });
  }
}

function names(refs: ActorRef[]): string {
  return refs.map((r) => r.name ?? r.code ?? "?").join(", ") || "?";
}

function collect(a: ArticleDetail): Annotation[] {
  const list: Annotation[] = [];
  for (const m of a.mentions)
    list.push({
      start: m.start, end: m.end, kind: "mention", cls: `mention actor-${m.kind ?? "other"}`,
      lines: [`Actor: ${m.name}${m.code ? ` [${m.code}]` : ""}${m.kind ? ` · ${m.kind}` : ""}`,
        ...(m.role ? [`Role: ${m.role}`] : []), ...(m.country ? [`Country: ${m.country}`] : []),
        ...(m.via ? [`Resolved via: ${m.via}`] : [])],
    });
  for (const q of a.quotes) {
    if (q.where === "title") continue;
    const who = q.speaker?.name ?? q.speaker?.text ?? "unattributed";
    list.push({
      start: q.start, end: q.end, kind: "quote", cls: `quote ${colourClass(q.speaker?.name ?? q.speaker?.text)}`,
      lines: [`Quote (${q.kind}) · speaker: ${who}${q.speaker?.code ? ` [${q.speaker.code}]` : ""}`,
        ...(q.cue ? [`Cue: ${q.cue}`] : []), `Ref: ${q.ref}`],
    });
  }
  for (const e of a.events.filter((e) => e.sentence >= 0)) // others are in the title or a caption
    list.push({
      start: e.start, end: e.end, kind: "event", cls: "event",
      lines: [`Event: ${e.type}${e.mode ? ` / ${e.mode}` : ""}${e.cameo ? ` · CAMEO ${e.cameo}` : ""}${e.negated ? " · negated" : ""}${e.modality !== "asserted" ? ` · ${e.modality}` : ""}`,
        `${names(e.source)} → ${names(e.target)}`,
        `Date: ${e.date ?? "unknown"}${e.date_text ? ` (“${e.date_text}”)` : ""}${e.location ? ` · Place: ${e.location.name}` : ""}`,
        `Ref: ${e.ref}`],
    });
  for (const t of a.timexes)
    list.push({ start: t.start, end: t.end, kind: "timex", cls: "timex",
      lines: [`Time: ${t.value ?? "unresolved"}${t.end_value ? ` – ${t.end_value}` : ""}${t.type ? ` · ${t.type}` : ""}${t.anchor ? ` · from ${t.anchor}` : ""}`] });
  for (const p of a.places)
    list.push({ start: p.start, end: p.end, kind: "place", cls: "place",
      lines: [`Place: ${p.name}${p.kind ? ` · ${p.kind}` : ""}${p.country ? ` · ${p.country}` : ""}`] });
  return list.filter((x) => x.start >= 0 && x.end > x.start && x.end <= a.text.length);
}

/** The text as sentence spans holding segments; each segment carries the annotations covering it. */
function renderText(text: string, sentenceSpans: { index: number; start: number; end: number }[], annotations: Annotation[]) {
  const cuts = new Set<number>([0, text.length]);
  for (const s of sentenceSpans) { cuts.add(s.start); cuts.add(s.end); }
  for (const x of annotations) { cuts.add(x.start); cuts.add(x.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);

  const body = h("div", { class: "article-text" });
  const sentences = new Map<number, HTMLElement>();
  const byStart = [...annotations.keys()].sort((i, j) => annotations[i].start - annotations[j].start);
  let si = 0, ai = 0;
  const active: number[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k], to = points[k + 1];
    while (ai < byStart.length && annotations[byStart[ai]].start <= from) active.push(byStart[ai++]);
    for (let i = active.length - 1; i >= 0; i--) if (annotations[active[i]].end <= from) active.splice(i, 1);
    while (si < sentenceSpans.length && sentenceSpans[si].end <= from) si++;
    const s = si < sentenceSpans.length && sentenceSpans[si].start <= from ? sentenceSpans[si] : null;
    let parent: HTMLElement = body;
    if (s) {
      let el = sentences.get(s.index);
      if (!el) {
        el = h("span", { class: "sentence", id: `s-${s.index}`, dataset: { s: String(s.index) } });
        sentences.set(s.index, el);
        body.append(el);
      }
      parent = el;
    }
    const piece = text.slice(from, to);
    if (active.length === 0) { parent.append(piece); continue; }
    const covering = active.filter((i) => annotations[i].end >= to);
    const seg = h("span", {
      class: "ann " + [...new Set(covering.map((i) => annotations[i].cls))].join(" "),
      tabIndex: 0, dataset: { ann: covering.join(",") },
    }, piece);
    parent.append(seg);
  }
  return { body, sentences };
}

function attachTooltips(body: HTMLElement, annotations: Annotation[]): void {
  const tip = document.getElementById("tip")!;
  const show = (target: EventTarget | null) => {
    const seg = target instanceof HTMLElement ? target.closest<HTMLElement>(".ann") : null;
    if (!seg || !body.contains(seg)) return;
    clear(tip);
    for (const i of (seg.dataset.ann ?? "").split(",").filter(Boolean).map(Number)) {
      const a = annotations[i];
      if (!a || body.classList.contains(`hide-${a.kind}`)) continue;
      tip.append(h("div", { class: `tip-item ${a.kind}` }, a.lines.map((l) => h("div", null, l))));
    }
    if (!tip.firstChild) { tip.hidden = true; return; }
    tip.hidden = false;
    const r = seg.getBoundingClientRect();
    const left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = `${Math.max(8, left)}px`;
    tip.style.top = `${window.scrollY + r.bottom + 6}px`;
  };
  const hide = () => { tip.hidden = true; };
  body.addEventListener("mouseover", (e) => show(e.target));
  body.addEventListener("focusin", (e) => show(e.target));
  body.addEventListener("mouseleave", hide);
  body.addEventListener("focusout", hide);
  window.addEventListener("hashchange", hide, { once: true });
}

function sideQuote(a: ArticleDetail, q: Quote): HTMLElement {
  const who = q.speaker?.name ?? q.speaker?.text ?? "unattributed";
  return h("li", null,
    h("span", { class: `speaker ${colourClass(q.speaker?.name ?? q.speaker?.text)}` }, who), " ",
    q.sentence >= 0 ? h("a", { href: link(["article", a.id], { s: q.sentence }) }, q.text) : h("span", null, q.text));
}

function sideEvent(a: ArticleDetail, e: EventItem): HTMLElement {
  return h("li", null,
    h("span", { class: "badge" }, e.type), e.cameo ? h("span", { class: "code" }, e.cameo) : null, " ",
    e.sentence >= 0 ? h("a", { href: link(["article", a.id], { s: e.sentence }) }, `${names(e.source)} → ${names(e.target)}`)
      : h("span", null, `${names(e.source)} → ${names(e.target)} (title)`),
    h("span", { class: "muted" }, ` ${e.date ?? ""}`));
}
