import { api, type EventListItem, type Vocab } from "../api";
import { colourClass, h, link } from "../dom";
import { date, evidenceHref } from "./common";
import { parties, tone } from "./events-common";

export async function actorPage(main: HTMLElement, params: string[]): Promise<void> {
  const key = params[0];
  if (!key) throw new Error("no actor key in the address");
  const [a, vocab] = await Promise.all([api.actor(key), api.vocab()]);
  main.append(
    h("section", { class: "actor-profile", dataset: { key: a.key } },
      h("h1", null, a.name, a.code ? h("span", { class: "code" }, a.code) : null, a.group ? h("span", { class: "badge" }, "group") : null),
      h("div", { class: "meta" },
        a.kind ? `${a.kind} · ` : "", a.country ? `country ${a.country} · ` : "",
        `named in ${a.articles} article${a.articles === 1 ? "" : "s"} (${a.mentions} mentions) · `,
        `${a.events.as_source} event${a.events.as_source === 1 ? "" : "s"} as source, ${a.events.as_target} as target · ${a.quotes.count} quote${a.quotes.count === 1 ? "" : "s"} · `,
        h("span", { class: "muted" }, a.key)),
      a.names.length > 1 ? h("p", { class: "meta" }, "Written as: ", a.names.join(" · ")) : null,
      h("nav", { class: "actor-links" },
        h("a", { href: link(["timeline"], { actor: a.key }) }, "Timeline"),
        h("a", { href: link(["network"], { level: a.group ? undefined : "actor" }) }, "Network"),
        h("a", { href: link(["quotes"], a.group && a.code ? { actor: a.code } : { speaker: a.name }) }, "All quotes"),
        a.group ? null : a.country ? h("a", { href: link(["actor", a.country]) }, `All of ${a.country}`) : null)),
    h("div", { class: "actor-grid" },
      h("section", null,
        h("h2", null, `Recent events (${a.events.as_source + a.events.as_target > a.events.recent.length ? `${a.events.recent.length} latest` : a.events.recent.length})`),
        a.events.recent.length ? h("ul", { class: "results actor-events" }, a.events.recent.map((e) => eventItem(e, vocab))) : h("p", { class: "muted" }, "No events."),
        h("h2", null, `Quotes (${a.quotes.count})`),
        a.quotes.recent.length
          ? h("ul", { class: "results actor-quotes" }, a.quotes.recent.map((qi) => h("li", { class: "quote-card" },
            h("blockquote", { class: `quote-text` }, qi.quote.text),
            h("div", { class: "meta" },
              h("a", { href: link(["article", qi.article.id], qi.quote.sentence >= 0 ? { s: qi.quote.sentence } : {}) }, qi.article.title ?? qi.article.id),
              " · ", date(qi.article.published), " · ", qi.article.outlet ?? "unknown outlet"))))
          : h("p", { class: "muted" }, "No quotes.")),
      h("aside", { class: "side" },
        h("h2", null, "Roles"),
        a.roles.length ? h("ul", { class: "side-list roles" }, a.roles.map((r) => h("li", null,
          h("strong", null, r.role), h("span", { class: "muted" }, ` · ${r.articles} article${r.articles === 1 ? "" : "s"}`,
            r.first_published ? ` · ${date(r.first_published)} – ${date(r.last_published)}` : ""))))
          : h("p", { class: "muted" }, "No role in the records."),
        h("h2", null, "Positions"),
        a.positions.length ? h("ul", { class: "side-list positions" }, a.positions.map((p) => h("li", { dataset: { issue: p.issue, stance: p.stance } },
          h("span", { class: `stance-chip ${p.stance}` }, p.stance), " ",
          h("a", { href: link(["positions"], { actor: a.group ? a.key : p.holder, issue: p.issue }) }, vocab.issues?.find((i) => i.id === p.issue)?.label ?? p.issue),
          p.condition ? h("span", { class: "muted" }, ` · if ${p.condition}`) : null,
          h("div", { class: "meta" }, h("a", { href: evidenceHref(p.evidence), title: p.evidence.sentence_text ?? "" }, date(p.date)),
            p.statements && p.statements > 1 ? ` · ${p.statements} statements` : ""))))
          : h("p", { class: "muted positions" }, "No stance on an issue in the texts."),
        a.members.length ? [h("h2", null, "Members"), h("ul", { class: "side-list members" }, a.members.map((m) => h("li", null,
          h("a", { class: `speaker ${colourClass(m.name)}`, href: link(["actor", m.key]) }, m.name),
          m.code ? h("span", { class: "code" }, m.code) : null, h("span", { class: "muted" }, ` ${m.articles}`))))] : null)));
  main.classList.add("actor");
}

function eventItem(x: EventListItem, vocab: Vocab): HTMLElement {
  const e = x.event;
  return h("li", { class: `event-card ${tone(e.type, vocab)}`, dataset: { ref: x.ref } },
    h("div", { class: "tl-head" },
      h("span", { class: "tl-date" }, e.date ?? "undated"),
      h("span", { class: `badge type ${tone(e.type, vocab)}` }, e.type), e.cameo ? h("span", { class: "code" }, e.cameo) : null,
      e.location ? h("span", { class: "tl-place" }, "at ", e.location.name) : null),
    h("div", { class: "tl-actors" }, parties(x.source), h("span", { class: "arrow" }, " → "), parties(x.target)),
    x.sentence_text ? h("blockquote", { class: "tl-sentence" }, x.sentence_text) : null,
    h("div", { class: "meta" },
      h("a", { href: link(["article", x.article.id], e.sentence >= 0 ? { s: e.sentence } : {}) }, x.article.title ?? x.article.id),
      " · ", date(x.article.published), " · ", x.article.outlet ?? "unknown outlet"));
}
