import { api, q, type ActorListItem } from "../api";
import { h, link } from "../dom";
import { field, filterForm, input, pager, problem, select } from "./common";

export async function actorsPage(main: HTMLElement, _params: string[], query: URLSearchParams): Promise<void> {
  main.append(h("h1", null, "Actors"), filterForm("actors", [
    field("Name", input("q", query.get("q"), "words of the name")),
    field("Code", input("code", query.get("code"), "CAMEO or ISO3, e.g. TUR")),
    field("Kind", select("kind", query.get("kind"), [["", "any"], ["person", "person"], ["state", "state"], ["org", "organisation"]])),
  ]));
  try {
    const page = await api.actors({ q: q(query, "q"), code: q(query, "code"), kind: q(query, "kind"), offset: q(query, "offset"), limit: 50 });
    main.append(h("ul", { class: "results actor-list" }, page.items.map(item)), pager("actors", query, page));
  } catch (e) {
    main.append(problem(e));
  }
}

function item(a: ActorListItem): HTMLElement {
  return h("li", { class: "actor-item" },
    h("a", { class: "title", href: link(["actor", a.key]) }, a.name),
    a.code ? h("span", { class: "code" }, a.code) : null,
    h("span", { class: "meta" }, ` ${a.kind ?? "actor"}${a.country ? ` · ${a.country}` : ""} · ${a.articles} article${a.articles === 1 ? "" : "s"} · ${a.mentions} mentions`));
}
