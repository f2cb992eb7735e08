import "./style.css";
import { api } from "./api";
import { clear, h } from "./dom";
import { articlesPage } from "./pages/articles";
import { articlePage } from "./pages/article";
import { quotesPage } from "./pages/quotes";
import { timelinePage } from "./pages/timeline";
import { networkPage } from "./pages/network";
import { actorsPage } from "./pages/actors";
import { actorPage } from "./pages/actor";
import { positionsPage } from "./pages/positions";
import { processesPage, processPage } from "./pages/process";

/** A page renders into the main element from its path parameters and query. */
export type Page = (main: HTMLElement, params: string[], query: URLSearchParams) => Promise<void>;

interface Route { path: string; title: string; nav: boolean; page: Page }

const routes: Route[] = [
  { path: "articles", title: "Articles", nav: true, page: articlesPage },
  { path: "quotes", title: "Quotes", nav: true, page: quotesPage },
  { path: "timeline", title: "Timeline", nav: true, page: timelinePage },
  { path: "network", title: "Network", nav: true, page: networkPage },
  { path: "actors", title: "Actors", nav: true, page: actorsPage },
  { path: "positions", title: "Positions", nav: true, page: positionsPage },
  { path: "processes", title: "Processes", nav: true, page: processesPage },
  { path: "process", title: "Process", nav: false, page: processPage },
  { path: "article", title: "Article", nav: false, page: articlePage },
  { path: "actor", title: "Actor", nav: false, page: actorPage },
];

/** Detail pages highlight their list's nav entry. */
const parentOf: Record<string, string> = { actor: "actors", process: "processes" };

function parseHash(): { route: Route; params: string[]; query: URLSearchParams } {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, qs = ""] = raw.split("?", 2);
  const parts = path.split("/").filter((p) => p.length > 0).map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  const route = routes.find((r) => r.path === parts[0]) ?? routes[0];
  return { route, params: parts.slice(1), query: new URLSearchParams(qs) };
}

let renderId = 0;

async function render(): Promise<void> {
  const id = ++renderId;
  const hash = location.hash;
  const { route, params, query } = parseHash();
  const main = document.getElementById("app")!;
  for (const a of document.querySelectorAll<HTMLAnchorElement>("#nav a"))
    a.classList.toggle("active", a.dataset.route === (parentOf[route.path] ?? route.path));
  document.title = `${route.title} · Parley`;
  const slot = h("div", { class: "page", dataset: { page: route.path } });
  try {
    await route.page(slot, params, query);
  } catch (e) {
    clear(slot);
    slot.append(h("div", { class: "error", role: "alert" }, e instanceof Error ? e.message : String(e)));
  }
  if (id !== renderId) return; // a newer navigation won
  clear(main);
  main.append(slot);
  slot.dispatchEvent(new CustomEvent("parley:shown", { bubbles: true }));
  document.body.dataset.ready = route.path;
  document.body.dataset.hash = hash; // which address the page shows (tests wait for it)
}

function buildNav(): void {
  const nav = document.getElementById("nav")!;
  for (const r of routes.filter((r) => r.nav))
    nav.append(h("a", { href: "#/" + r.path, dataset: { route: r.path } }, r.title));
}

async function showStats(): Promise<void> {
  try {
    const s = await api.stats();
    const el = document.getElementById("store-stats")!;
    el.textContent = `${s.articles.toLocaleString("en")} articles · ${s.quotes.toLocaleString("en")} quotes` +
      (s.published_from ? ` · ${s.published_from.slice(0, 10)} – ${(s.published_to ?? "").slice(0, 10)}` : "");
  } catch { /* the pages show errors */ }
}

buildNav();
window.addEventListener("hashchange", () => { void render(); });
void render();
void showStats();
