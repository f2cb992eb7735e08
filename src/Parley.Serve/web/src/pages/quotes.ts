import { api, type QuoteListItem } from "../api";
import { colourClass, h, link } from "../dom";
import { date, field, filterForm, input, pager, problem, select } from "./common";

export async function quotesPage(main: HTMLElement, _params: string[], query: URLSearchParams): Promise<void> {
  const form = filterForm("quotes", [
    field("Speaker", input("speaker", query.get("speaker"), "name as written")),
    field("Actor code", input("actor", query.get("actor"), "CAMEO, e.g. RUS, TURGOV")),
    field("Text", input("about", query.get("about"), "words in the quote")),
    field("From", input("from", query.get("from"), "YYYY-MM-DD")),
    field("To", input("to", query.get("to"), "YYYY-MM-DD")),
    field("Kind", select("kind", query.get("kind"), [["", "any"], ["direct", "direct"], ["indirect", "indirect"], ["mixed", "mixed"]])),
  ]);
  main.append(h("h1", null, "Quotes"), form);
  try {
    const page = await api.quotes({
      speaker: query.get("speaker") ?? undefined, actor: query.get("actor") ?? undefined, about: query.get("about") ?? undefined,
      from: query.get("from") ?? undefined, to: query.get("to") ?? undefined, kind: query.get("kind") ?? undefined,
      offset: query.get("offset") ?? undefined, limit: 25,
    });
    main.append(h("ul", { class: "results quotes" }, page.items.map(card)), pager("quotes", query, page));
  } catch (e) {
    main.append(problem(e));
  }
}

function card(item: QuoteListItem): HTMLElement {
  const q = item.quote;
  const who = q.speaker?.name ?? q.speaker?.text ?? "unattributed";
  const href = link(["article", item.article.id], q.sentence >= 0 ? { s: q.sentence } : {});
  return h("li", { class: "quote-card", dataset: { ref: item.ref } },
    h("div", { class: "quote-head" },
      h("span", { class: `speaker ${colourClass(q.speaker?.name ?? q.speaker?.text)}` }, who),
      q.speaker?.code ? h("span", { class: "code" }, q.speaker.code) : null,
      h("span", { class: `badge kind-${q.kind}` }, q.kind),
      q.cue ? h("span", { class: "muted" }, `cue: ${q.cue}`) : null),
    h("blockquote", { class: "quote-text" }, q.text),
    h("div", { class: "meta" },
      h("a", { class: "source", href }, item.article.title ?? item.article.id),
      " · ", date(item.article.published), " · ", item.article.outlet ?? "unknown outlet",
      " · ", h("span", { class: "muted" }, item.ref)));
}
