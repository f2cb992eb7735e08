// Typed access to the JSON API (snake_case as served).

export interface Page<T> { total: number | null; offset: number; limit: number; next_offset: number | null; items: T[] }
export interface SnippetPart { text: string; match: boolean }
export interface ArticleListItem {
  id: string; content_hash: string; title: string | null; outlet: string | null; published: string | null; url: string | null;
  text_length: number; quotes: number; snippet: string | null; snippet_parts: SnippetPart[] | null;
}
export interface Speaker { actor: string | null; name: string | null; code: string | null; country: string | null; text: string | null; start: number | null; end: number | null }
export interface Quote {
  ref: string; id: string; kind: string; text: string; start: number; end: number; sentence: number; where: string | null;
  speaker: Speaker | null; cue: string | null; confidence: number;
}
export interface ActorRef { actor: string | null; name: string | null; code: string | null; country: string | null }
export interface Location { name: string; country: string | null; lat: number | null; lon: number | null }
export interface EventItem {
  ref: string; id: string; type: string; mode: string | null; cameo: string | null; goldstein: number | null;
  source: ActorRef[]; target: ActorRef[]; date: string | null; date_text: string | null; date_source: string | null;
  location: Location | null; negated: boolean; modality: string; trigger: string | null; sentence: number; start: number; end: number; confidence: number;
}
export interface Mention {
  start: number; end: number; text: string; actor: string; name: string; kind: string | null; code: string | null;
  country: string | null; role: string | null; via: string | null; sentence: number;
}
export interface Timex { text: string; value: string | null; start: number; end: number; sentence?: number; type?: string; anchor?: string; mod?: string; end_value?: string }
export interface Place { text: string; start: number; end: number; name: string; kind: string | null; country: string | null; lat: number | null; lon: number | null; sentence: number }
export interface Sentence { index: number; start: number; end: number }
export interface ArticleDetail {
  id: string; content_hash: string; source: string; title: string | null; subtitle: string | null; outlet: string | null; byline: string | null;
  published: string | null; published_source: string | null; url: string | null; text: string; captions: string[];
  sentences: Sentence[]; mentions: Mention[]; quotes: Quote[]; events: EventItem[]; timexes: Timex[]; places: Place[]; errors: string[];
}
export interface ArticleRef { id: string; content_hash: string; title: string | null; outlet: string | null; published: string | null; url: string | null }
export interface QuoteListItem { ref: string; article: ArticleRef; quote: Quote; sentence_text: string | null }
export interface Stats {
  articles: number; distinct_outlets: number; top_outlets: { outlet: string; count: number }[];
  published_from: string | null; published_to: string | null; quotes: number; quotes_with_speaker: number; ingest_enabled: boolean;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly parameter?: string) { super(message); }
}

async function get<T>(path: string, query: Record<string, string | number | undefined | null> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const qs = q.toString();
  const res = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let detail = res.statusText, parameter: string | undefined;
    try {
      const p = await res.json();
      detail = p.detail ?? p.title ?? detail;
      parameter = p.parameter;
    } catch { /* not JSON */ }
    throw new ApiError(res.status, detail, parameter);
  }
  return res.json() as Promise<T>;
}

export const api = {
  stats: () => get<Stats>("/api/stats"),
  articles: (q: Record<string, string | number | undefined>) => get<Page<ArticleListItem>>("/api/articles", q),
  article: (id: string) => get<ArticleDetail>("/api/articles/" + encodeURIComponent(id)),
  quotes: (q: Record<string, string | number | undefined>) => get<Page<QuoteListItem>>("/api/quotes", q),
};
