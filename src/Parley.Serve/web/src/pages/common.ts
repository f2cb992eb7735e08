import { ApiError, type Evidence, type Page as ApiPage } from "../api";
import { h, link } from "../dom";

/** A labelled form field. */
export function field(label: string, input: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", null, label), input);
}

export function input(name: string, value: string | null, placeholder = "", type = "text"): HTMLInputElement {
  return h("input", { name, type, value: value ?? "", placeholder, aria: { label: name } });
}

export function select(name: string, value: string | null, options: [string, string][]): HTMLSelectElement {
  const s = h("select", { name, aria: { label: name } }, options.map(([v, label]) => h("option", { value: v }, label)));
  s.value = value ?? "";
  return s;
}

/** A filter form whose submit puts its non-empty values into the page's hash query. */
export function filterForm(route: string, fields: HTMLElement[], extra: Record<string, string> = {}): HTMLFormElement {
  const form = h("form", { class: "filters", role: "search" }, fields,
    h("div", { class: "actions" },
      h("button", { type: "submit" }, "Apply"),
      h("a", { href: link([route]), class: "reset" }, "Reset")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q: Record<string, string> = { ...extra };
    for (const [k, v] of new FormData(form).entries()) if (typeof v === "string" && v.trim() !== "") q[k] = v.trim();
    location.hash = link([route], q);
  });
  return form;
}

/** Previous/next links for a page of results. */
export function pager<T>(route: string, query: URLSearchParams, page: ApiPage<T>): HTMLElement {
  const at = (offset: number) => {
    const q: Record<string, string> = {};
    query.forEach((v, k) => { q[k] = v; });
    q.offset = String(offset);
    return link([route], q);
  };
  const shown = page.items.length;
  return h("nav", { class: "pager", aria: { label: "Pages" } },
    page.offset > 0 ? h("a", { href: at(Math.max(0, page.offset - page.limit)), class: "prev" }, "← Previous") : h("span", { class: "muted" }, "← Previous"),
    h("span", { class: "muted count" }, shown === 0 ? "no results"
      : `${page.offset + 1}–${page.offset + shown}${page.total !== null ? ` of ${page.total}` : ""}`),
    page.next_offset !== null ? h("a", { href: at(page.next_offset), class: "next" }, "Next →") : h("span", { class: "muted" }, "Next →"));
}

/** A 400 from the API shown next to the form, naming the parameter. */
export function problem(e: unknown): HTMLElement {
  if (e instanceof ApiError)
    return h("div", { class: "error", role: "alert" }, e.parameter ? `${e.parameter}: ${e.message}` : e.message);
  throw e;
}

export function date(s: string | null | undefined): string {
  return s ? s.slice(0, 10) : "undated";
}

/** The article link that opens an evidence sentence highlighted. */
export function evidenceHref(e: { article_id: string; sentence: number }): string {
  return link(["article", e.article_id], e.sentence >= 0 ? { s: e.sentence } : {});
}

/** An evidence sentence with a link to it in its article. */
export function evidence(e: Evidence, cls = "evidence"): HTMLElement {
  return h("li", { class: cls, dataset: { article: e.article_id, sentence: String(e.sentence) } },
    h("a", { class: "ev-link", href: evidenceHref(e) }, e.sentence_text ?? e.title ?? e.article_id),
    h("div", { class: "meta" }, e.title ?? e.article_id, " · ", date(e.published), " · ", e.outlet ?? "unknown outlet"));
}
