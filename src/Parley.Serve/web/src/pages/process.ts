import { api, type Evidence, type ProcessFact } from "../api";
import { h, link } from "../dom";
import { date, evidenceHref } from "./common";

/** The negotiating formats the store knows, most reported first. */
export async function processesPage(main: HTMLElement): Promise<void> {
  const list = await api.processes();
  main.append(h("h1", null, "Processes"),
    h("p", { class: "muted" }, "Multilateral negotiating formats: members and their roles, rounds, outcomes, each with its evidence."),
    h("ul", { class: "results processes" }, list.map((p) => h("li", { class: "process-item", dataset: { id: p.id } },
      h("a", { href: link(["process", p.id.toLowerCase()]) }, p.name),
      h("span", { class: "muted" }, ` · ${p.conflict ?? "?"} · ${p.start ?? "?"} – ${p.end ?? "ongoing"} · ${p.articles} article${p.articles === 1 ? "" : "s"}`)))));
}

/** Numbered links to the evidence sentences (title: the sentence). */
function evidenceLinks(list: Evidence[]): HTMLElement {
  const el = h("span", { class: "ev-links" });
  list.forEach((e, i) => el.append(h("a", { class: "ev-link", href: evidenceHref(e), title: `${e.sentence_text ?? ""} — ${e.title ?? e.article_id}, ${date(e.published)}`,
    dataset: { article: e.article_id, sentence: String(e.sentence) } }, `[${i + 1}]`), " "));
  if (list.length === 0) el.append(h("span", { class: "muted" }, "knowledge base"));
  return el;
}

function fact(f: ProcessFact): HTMLElement {
  return h("li", { class: "fact", dataset: { kind: f.kind } },
    h("strong", null, date(f.date)), " · ", h("span", { class: "badge" }, f.label ?? f.kind), " ",
    f.actor ? `${f.actor} · ` : "", f.cue ? h("span", { class: "muted" }, `“${f.cue}” · `) : null,
    f.sources > 1 ? `${f.sources} sources · ` : "",
    h("a", { class: "ev-link", href: evidenceHref(f.evidence), title: f.evidence.title ?? "" }, f.evidence.sentence_text ?? f.evidence.article_id));
}

/** One format: members table with roles, rounds, changes, outcomes and linked events, all with evidence links. */
export async function processPage(main: HTMLElement, params: string[]): Promise<void> {
  const name = params[0];
  if (!name) return processesPage(main);
  const p = await api.process(name);
  main.append(h("section", { class: "process", dataset: { id: p.id } },
    h("h1", null, p.name, h("span", { class: "code" }, p.id)),
    h("p", { class: "meta" }, `conflict ${p.conflict ?? "?"} · ${p.start ?? "?"} – ${p.end ?? "ongoing"} · named in ${p.articles} article${p.articles === 1 ? "" : "s"}`),
    p.note ? h("p", { class: "muted" }, p.note) : null,
    h("h2", null, `Members (${p.members.length})`),
    h("table", { class: "members-table" },
      h("thead", null, h("tr", null, ["Member", "Name", "Role", "Basis", "Known", "Attested", "Evidence"].map((c) => h("th", null, c)))),
      h("tbody", null, p.members.map((m) => h("tr", { dataset: { member: m.member, role: m.role } },
        h("td", null, /^[A-Z0-9]{1,32}$/.test(m.member) ? h("a", { href: link(["actor", m.member]) }, m.member) : m.member),
        h("td", null, m.name ?? ""),
        h("td", { class: "role" }, m.role, m.known_role && m.known_role !== m.role ? h("span", { class: "muted" }, ` (kb: ${m.known_role})`) : null),
        h("td", { class: "muted" }, m.basis),
        h("td", { class: "muted" }, m.known_since || m.known_until ? `${m.known_since ?? "?"} – ${m.known_until ?? ""}` : ""),
        h("td", null, m.first ? (m.first === m.last ? date(m.first) : `${date(m.first)} – ${date(m.last)}`) : ""),
        h("td", null, evidenceLinks(m.evidence)))))),
    h("h2", null, `Rounds (${p.rounds.length})`),
    p.rounds.length ? h("ol", { class: "rounds" }, p.rounds.map((r) => h("li", { dataset: { number: String(r.number) } },
      h("strong", null, `Round ${r.number}`), ` · ${r.date ?? "date unknown"}`, r.place ? ` · ${r.place}` : "", " ", evidenceLinks(r.evidence))))
      : h("p", { class: "muted" }, "No numbered round in the texts."),
    h("h2", null, "Changes"),
    p.changes.length ? h("ul", { class: "facts changes" }, p.changes.map(fact)) : h("p", { class: "muted" }, "No format-level change in the texts."),
    h("h2", null, "Outcomes"),
    p.outcomes.length ? h("ul", { class: "facts outcomes" }, p.outcomes.map(fact)) : h("p", { class: "muted" }, "No outcome linked to the format."),
    h("h2", null, `Events (${p.events.length})`),
    p.events.length ? h("ul", { class: "facts events" }, p.events.map((e) => h("li", { dataset: { id: e.id } },
      h("strong", null, e.date ?? "undated"), " · ", h("span", { class: "badge" }, e.type), ` ${e.actors.join(", ")}`,
      e.place ? ` · ${e.place}` : "", ` · ${e.sources} source${e.sources === 1 ? "" : "s"} · `,
      e.evidence ? h("a", { class: "ev-link", href: evidenceHref(e.evidence) }, e.evidence.sentence_text ?? e.evidence.article_id) : null)))
      : h("p", { class: "muted" }, "No merged event linked to the format.")));
}
