import { api, q, type TimelineEntry, type TimelineSource, type Vocab } from "../api";
import { h, link } from "../dom";
import { field, filterForm, input, pager, problem, select } from "./common";
import { monthLabel, parties, tone, typeOptions } from "./events-common";

export async function timelinePage(main: HTMLElement, _params: string[], query: URLSearchParams): Promise<void> {
  const vocab = await api.vocab();
  const fields = [
    field("Actor", input("actor", query.get("actor"), "code (RUS) or actor key")),
    field("With", input("with", query.get("with"), "the other side")),
    field("Type", select("type", query.get("type"), typeOptions(vocab))),
    vocab.issues ? field("Issue", select("issue", query.get("issue"), [["", "any issue"], ...vocab.issues.map((i): [string, string] => [i.id, i.label])])) : null,
    field("From", input("from", query.get("from"), "YYYY-MM-DD")),
    field("To", input("to", query.get("to"), "YYYY-MM-DD")),
  ].filter((f): f is HTMLElement => f !== null);
  main.append(h("h1", null, "Timeline"), filterForm("timeline", fields));
  try {
    const page = await api.timeline({
      actor: q(query, "actor"), with: q(query, "with"), type: q(query, "type"), issue: q(query, "issue"),
      from: q(query, "from"), to: q(query, "to"), offset: q(query, "offset"), limit: 50, explain: "true",
    });
    const list = h("ol", { class: "timeline", dataset: { total: String(page.total ?? "") } });
    let month = "";
    for (const e of page.items) {
      const m = (e.date ?? "").slice(0, 7);
      if (m !== month) {
        month = m;
        list.append(h("li", { class: "month" }, h("h2", null, monthLabel(m))));
      }
      list.append(entry(e, vocab));
    }
    if (page.items.length === 0) list.append(h("li", { class: "muted" }, "No dated events match."));
    main.append(h("p", { class: "muted" }, "One entry per event: reports of the same event in several articles are merged. ",
      "Open “sources” to read each article's sentence and why it was merged."));
    main.append(list, pager("timeline", query, page));
  } catch (e) {
    main.append(problem(e));
  }
}

function entry(e: TimelineEntry, vocab: Vocab): HTMLElement {
  const src = e.sources[0];
  const href = src ? link(["article", src.article_id], src.sentence >= 0 ? { s: src.sentence } : {}) : null;
  const n = e.sources.length;
  const list = h("ol", { class: "tl-sources", id: `tl-sources-${e.id}` }, e.sources.map(source));
  list.hidden = true;
  const toggle = h("button", { type: "button", class: "tl-count", aria: { expanded: "false", controls: list.id } },
    `${n} source${n === 1 ? "" : "s"}`);
  toggle.addEventListener("click", () => {
    list.hidden = !list.hidden;
    toggle.setAttribute("aria-expanded", String(!list.hidden));
  });
  const li = h("li", { class: `tl-entry ${tone(e.type, vocab)}`, dataset: { id: e.id, sources: String(n) }, tabIndex: 0, role: "link" },
    h("div", { class: "tl-head" },
      h("span", { class: "tl-date", title: e.date ?? "" }, e.date ?? "undated",
        e.date_text && e.date_text !== e.date ? h("span", { class: "muted" }, ` (“${e.date_text}”)`) : null),
      h("span", { class: `badge type ${tone(e.type, vocab)}` }, e.type),
      e.cameo ? h("span", { class: "code" }, e.cameo) : null,
      e.negated ? h("span", { class: "badge" }, "negated") : null,
      e.modality !== "asserted" ? h("span", { class: "badge" }, e.modality) : null,
      e.location ? h("span", { class: "tl-place" }, "at ", e.location.name, e.location.country ? ` (${e.location.country})` : "") : null,
      toggle),
    h("div", { class: "tl-actors" }, parties(e.source), h("span", { class: "arrow" }, " → "), parties(e.target)),
    src?.sentence_text ? h("blockquote", { class: "tl-sentence" }, src.sentence_text) : null,
    src ? h("div", { class: "meta" },
      href ? h("a", { class: "tl-open", href }, src.title ?? src.article_id) : null,
      " · ", src.published ? src.published.slice(0, 10) : "undated", " · ", src.outlet ?? "unknown outlet",
      n > 1 ? ` · and ${n - 1} more` : "", " · ", h("span", { class: "muted" }, "#" + e.id)) : null,
    list);
  if (href) {
    // the entry opens its first source's sentence; links, the sources toggle and the source list keep their own action
    li.addEventListener("click", (ev) => {
      if (ev.target instanceof Element && ev.target.closest("a, button, .tl-sources")) return;
      location.hash = href;
    });
    li.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && ev.target === li) location.hash = href; });
  }
  return li;
}

function source(s: TimelineSource): HTMLElement {
  return h("li", { class: "tl-source", dataset: { article: s.article_id, sentence: String(s.sentence) } },
    h("a", { class: "tl-source-link", href: link(["article", s.article_id], s.sentence >= 0 ? { s: s.sentence } : {}) },
      s.sentence_text ?? s.title ?? s.article_id),
    h("div", { class: "meta" }, s.title ?? s.article_id, " · ", s.published ? s.published.slice(0, 10) : "undated", " · ", s.outlet ?? "unknown outlet",
      s.date_text ? ` · dated “${s.date_text}”` : ""),
    s.reason ? h("div", { class: "tl-why muted" }, s.reason.text) : null);
}
