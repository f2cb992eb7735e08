import { api, type ArticleListItem } from "../api";
import { h, link } from "../dom";
import { date, field, filterForm, input, pager, problem, select } from "./common";

export async function articlesPage(main: HTMLElement, _params: string[], query: URLSearchParams): Promise<void> {
  const stats = await api.stats();
  const form = filterForm("articles", [
    field("Search", input("q", query.get("q"), "words in title or text")),
    field("Outlet", select("outlet", query.get("outlet"), [["", "any outlet"], ...stats.top_outlets.map((o): [string, string] => [o.outlet, `${o.outlet} (${o.count})`])])),
    field("From", input("from", query.get("from"), "YYYY-MM-DD")),
    field("To", input("to", query.get("to"), "YYYY-MM-DD")),
  ]);
  main.append(h("h1", null, "Articles"), form);
  try {
    const page = await api.articles({
      q: query.get("q") ?? undefined, outlet: query.get("outlet") ?? undefined,
      from: query.get("from") ?? undefined, to: query.get("to") ?? undefined,
      offset: query.get("offset") ?? undefined, limit: 25,
    });
    main.append(h("ul", { class: "results articles" }, page.items.map(item)), pager("articles", query, page));
  } catch (e) {
    main.append(problem(e));
  }
}

function item(a: ArticleListItem): HTMLElement {
  return h("li", { class: "article-item" },
    h("a", { class: "title", href: link(["article", a.id]) }, a.title ?? a.id),
    h("div", { class: "meta" },
      h("span", null, date(a.published)), " · ", h("span", null, a.outlet ?? "unknown outlet"),
      " · ", h("span", null, `${a.quotes} quote${a.quotes === 1 ? "" : "s"}`),
      " · ", h("span", { class: "muted" }, a.id)),
    a.snippet_parts ? h("p", { class: "snippet" }, a.snippet_parts.map((p) => (p.match ? h("mark", null, p.text) : p.text))) : null);
}
