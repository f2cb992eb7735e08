import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { select as d3select } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";
import { api, q, type Network, type NetworkEdge, type NetworkNode } from "../api";
import { clear, h, link } from "../dom";
import { field, filterForm, input, problem, select } from "./common";
import { typeOptions } from "./events-common";

interface Node extends SimulationNodeDatum { data: NetworkNode; r: number }
interface Link extends SimulationLinkDatum<Node> { data: NetworkEdge; source: Node; target: Node }

const svgNs = "http://www.w3.org/2000/svg";
const W = 1100, H = 620;

export async function networkPage(main: HTMLElement, _params: string[], query: URLSearchParams): Promise<void> {
  const vocab = await api.vocab();
  const weight = query.get("weight") === "goldstein" ? "goldstein" : "count";
  main.append(h("h1", null, "Actor network"), filterForm("network", [
    field("From", input("from", query.get("from"), "YYYY-MM-DD")),
    field("To", input("to", query.get("to"), "YYYY-MM-DD")),
    field("Type", select("type", query.get("type"), typeOptions(vocab))),
    field("Level", select("level", query.get("level"), [["", "country"], ["actor", "actor"]])),
    field("Min events", input("min", query.get("min"), "1", "number")),
    field("Edge width", select("weight", query.get("weight"), [["", "event count"], ["goldstein", "|Goldstein| sum"]])),
  ]));
  let net: Network;
  try {
    net = await api.network({ from: q(query, "from"), to: q(query, "to"), type: q(query, "type"), level: q(query, "level"), min: q(query, "min"), limit: 150 });
  } catch (e) {
    main.append(problem(e));
    return;
  }
  main.append(
    h("p", { class: "meta network-summary" },
      `${net.nodes.length} ${net.level === "actor" ? "actors" : "countries"} · ${net.edges.length} links · ${net.events} events. `,
      h("span", { class: "legend-inline" }, h("span", { class: "swatch coop" }), " more cooperation ", h("span", { class: "swatch conflict" }), " more conflict ",
        h("span", { class: "swatch neutral" }), " balanced · click a node for the actor page, hover a link for the dyad")),
    net.nodes.length === 0 ? h("p", { class: "muted" }, "No events between two actors match.") : draw(net, weight));
}

function draw(net: Network, weight: "count" | "goldstein"): Element {
  const nodes: Node[] = net.nodes.map((n) => ({ data: n, r: 5 + 3 * Math.sqrt(n.events) }));
  const byKey = new Map(nodes.map((n) => [n.data.key, n]));
  const links: Link[] = net.edges.filter((e) => byKey.has(e.a) && byKey.has(e.b))
    .map((e) => ({ data: e, source: byKey.get(e.a)!, target: byKey.get(e.b)! }));
  const value = (e: NetworkEdge) => (weight === "count" ? e.count : Math.abs(e.goldstein_sum));
  const max = Math.max(1, ...links.map((l) => value(l.data)));

  const sim = forceSimulation(nodes)
    .force("link", forceLink<Node, Link>(links).distance(90).strength(0.4))
    .force("charge", forceManyBody().strength(-220))
    .force("center", forceCenter(W / 2, H / 2))
    .force("collide", forceCollide<Node>((n) => n.r + 4))
    .force("x", forceX(W / 2).strength(0.06))
    .force("y", forceY(H / 2).strength(0.1))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick(); // laid out before it is shown: no jitter, screenshots are stable

  // the view fits the laid-out graph (labels run to the right of their node)
  const pad = 20;
  const x0 = Math.min(...nodes.map((n) => (n.x ?? 0) - n.r)) - pad, x1 = Math.max(...nodes.map((n) => (n.x ?? 0) + n.r + 90)) + pad;
  const y0 = Math.min(...nodes.map((n) => (n.y ?? 0) - n.r)) - pad, y1 = Math.max(...nodes.map((n) => (n.y ?? 0) + n.r)) + pad;

  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  svg.setAttribute("class", "network");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Network of ${nodes.length} nodes and ${links.length} links`);
  svg.dataset.nodes = String(nodes.length);
  svg.dataset.edges = String(links.length);
  const g = document.createElementNS(svgNs, "g");
  svg.append(g);
  const tip = document.getElementById("tip")!;

  for (const l of links) {
    const e = l.data;
    const line = document.createElementNS(svgNs, "line");
    const kind = e.cooperation > e.conflict ? "coop" : e.conflict > e.cooperation ? "conflict" : "neutral";
    line.setAttribute("class", `edge ${kind}`);
    line.setAttribute("x1", String(l.source.x)); line.setAttribute("y1", String(l.source.y));
    line.setAttribute("x2", String(l.target.x)); line.setAttribute("y2", String(l.target.y));
    line.setAttribute("stroke-width", String(1 + 9 * Math.sqrt(value(e) / max)));
    line.dataset.a = e.a; line.dataset.b = e.b;
    line.addEventListener("mouseenter", (ev) => showTip(tip, ev, dyadLines(l)));
    line.addEventListener("mousemove", (ev) => moveTip(tip, ev));
    line.addEventListener("mouseleave", () => { tip.hidden = true; });
    g.append(line);
  }
  for (const n of nodes) {
    const a = document.createElementNS(svgNs, "a");
    a.setAttribute("href", link(["actor", n.data.key]));
    a.setAttribute("class", "node");
    a.dataset.key = n.data.key;
    const c = document.createElementNS(svgNs, "circle");
    c.setAttribute("cx", String(n.x)); c.setAttribute("cy", String(n.y)); c.setAttribute("r", String(n.r));
    c.setAttribute("class", n.data.goldstein_sum > 0 ? "pos" : n.data.goldstein_sum < 0 ? "neg" : "zero");
    const t = document.createElementNS(svgNs, "text");
    t.setAttribute("x", String((n.x ?? 0) + n.r + 3)); t.setAttribute("y", String((n.y ?? 0) + 4));
    t.textContent = n.data.label;
    const title = document.createElementNS(svgNs, "title");
    title.textContent = `${n.data.label}${n.data.code ? ` [${n.data.code}]` : ""}: ${n.data.events} events, Goldstein sum ${n.data.goldstein_sum}`;
    a.append(title, c, t);
    g.append(a);
  }

  const zoomer = zoom<SVGSVGElement, unknown>().scaleExtent([0.3, 6]).on("zoom", (ev) => g.setAttribute("transform", ev.transform.toString()));
  d3select(svg).call(zoomer).call(zoomer.transform, zoomIdentity);
  window.addEventListener("hashchange", () => { tip.hidden = true; }, { once: true });
  return h("div", { class: "network-wrap" }, svg);
}

function dyadLines(l: Link): string[] {
  const e = l.data;
  const [a, b] = [l.source.data.label, l.target.data.label];
  return [
    `${a} ↔ ${b}`,
    `${e.count} events (${a} → ${b}: ${e.a_to_b}, ${b} → ${a}: ${e.b_to_a})`,
    `cooperation ${e.cooperation} (verbal ${e.verbal_cooperation}, material ${e.material_cooperation}) · conflict ${e.conflict} (verbal ${e.verbal_conflict}, material ${e.material_conflict})`,
    `Goldstein mean ${e.mean_goldstein ?? "n/a"}, sum ${e.goldstein_sum}`,
    `top events: ${e.top_events.join(", ")}`,
  ];
}

function showTip(tip: HTMLElement, ev: MouseEvent, lines: string[]): void {
  clear(tip);
  tip.append(h("div", { class: "tip-item dyad" }, lines.map((l) => h("div", null, l))));
  tip.hidden = false;
  moveTip(tip, ev);
}

function moveTip(tip: HTMLElement, ev: MouseEvent): void {
  const left = Math.min(ev.pageX + 12, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
  tip.style.left = `${Math.max(8, left)}px`;
  tip.style.top = `${ev.pageY + 14}px`;
}
