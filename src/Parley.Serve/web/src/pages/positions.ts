import { api, q, type Position, type PositionMatrix } from "../api";
import { append, clear, h, link } from "../dom";
import { date, evidence, field, filterForm, input, problem, select } from "./common";

const stanceLabel: Record<string, string> = { supports: "supports", opposes: "opposes", conditions: "on conditions" };

/** Actor × issue matrix of the latest stances; a cell opens its evidence and the history of that actor's stance. */
export async function positionsPage(main: HTMLElement, _params: string[], query: URLSearchParams): Promise<void> {
  const vocab = await api.vocab();
  const fields = [
    vocab.issues ? field("Issue", select("issue", query.get("issue"), [["", "every issue"], ...vocab.issues.map((i): [string, string] => [i.id, i.label])])) : null,
    field("Actor", input("actor", query.get("actor"), "country (TUR), code or name")),
  ].filter((f): f is HTMLElement => f !== null);
  main.append(h("h1", null, "Positions"), filterForm("positions", fields),
    h("p", { class: "legend" },
      h("span", { class: "stance-chip supports" }, "supports"), " ", h("span", { class: "stance-chip opposes" }, "opposes"), " ",
      h("span", { class: "stance-chip conditions" }, "on conditions"),
      h("span", { class: "muted" }, " · each cell is the latest stance of the actor on the issue; click it for the evidence and how it changed")));
  let m: PositionMatrix;
  try {
    m = await api.positions({ issue: q(query, "issue"), actor: q(query, "actor") });
  } catch (e) {
    main.append(problem(e));
    return;
  }
  if (m.cells.length === 0) {
    main.append(h("p", { class: "muted" }, "No stances match."));
    return;
  }
  const byKey = new Map(m.cells.map((c) => [`${c.holder}\u0000${c.issue}`, c]));
  const detail = h("aside", { class: "side position-detail", aria: { live: "polite" } },
    h("p", { class: "muted" }, "Click a cell to see its evidence."));
  const table = h("table", { class: "matrix", dataset: { rows: String(m.actors.length), cols: String(m.issues.length) } },
    h("thead", null, h("tr", null, h("th", { class: "corner" }, "Actor"), m.issues.map((i) => h("th", { dataset: { issue: i.id }, title: i.id }, i.label)))),
    h("tbody", null, m.actors.map((a) => h("tr", { dataset: { holder: a.holder } },
      h("th", { class: "holder", title: a.names.join(", ") },
        /^[A-Z0-9]{1,32}$/.test(a.holder) ? h("a", { href: link(["actor", a.holder]) }, a.holder) : a.holder,
        a.names.length ? h("span", { class: "muted names" }, " ", a.names.slice(0, 2).join(", ")) : null),
      m.issues.map((i) => {
        const c = byKey.get(`${a.holder}\u0000${i.id}`);
        if (!c) return h("td", { class: "cell empty" });
        const td = h("td", { class: `cell ${c.stance}`, tabIndex: 0, role: "button", dataset: { holder: c.holder, issue: c.issue, stance: c.stance },
          title: `${c.holder} ${stanceLabel[c.stance] ?? c.stance} ${i.label}${c.condition ? ": " + c.condition : ""}` },
          h("span", { class: "stance" }, stanceLabel[c.stance] ?? c.stance),
          c.condition ? h("span", { class: "condition" }, c.condition) : null,
          h("span", { class: "cell-date muted" }, date(c.date)));
        const open = () => {
          for (const el of table.querySelectorAll(".cell.selected")) el.classList.remove("selected");
          td.classList.add("selected");
          void showCell(detail, c, i.label);
        };
        td.addEventListener("click", open);
        td.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
        return td;
      })))));
  main.append(h("div", { class: "positions-grid" }, h("div", { class: "matrix-wrap" }, table), detail));
}

async function showCell(detail: HTMLElement, c: Position, label: string): Promise<void> {
  clear(detail);
  detail.dataset.holder = c.holder;
  detail.dataset.issue = c.issue;
  append(detail, [
    h("h2", null, `${c.holder} on ${label}`),
    h("p", null, h("span", { class: `stance-chip ${c.stance}` }, stanceLabel[c.stance] ?? c.stance), " ", date(c.date),
      c.actor_name && c.actor_name !== c.holder ? h("span", { class: "muted" }, ` · said by ${c.actor_name}`) : null,
      c.cue ? h("span", { class: "muted" }, ` · “${c.cue}”`) : null),
    c.condition ? h("p", { class: "condition" }, "Condition: ", c.condition) : null,
    h("h3", null, "Evidence"),
    h("ul", { class: "evidence-list latest" }, evidence(c.evidence))]);
  const hist = h("ol", { class: "evidence-list history" }, h("li", { class: "muted" }, "Loading…"));
  detail.append(h("h3", null, `History (${c.statements ?? 1} statement${c.statements === 1 ? "" : "s"})`), hist);
  try {
    const r = await api.positionHistory({ actor: c.holder, issue: c.issue });
    clear(hist);
    for (const p of r.items.filter((p) => p.holder === c.holder)) {
      const li = evidence(p.evidence, "evidence history-item");
      li.prepend(h("div", { class: "history-head" }, h("span", { class: `stance-chip ${p.stance}` }, stanceLabel[p.stance] ?? p.stance), " ", date(p.date),
        p.condition ? h("span", { class: "muted" }, ` · if ${p.condition}`) : null));
      hist.append(li);
    }
    detail.dataset.ready = "1";
  } catch (e) {
    clear(hist);
    hist.append(problem(e));
  }
}
