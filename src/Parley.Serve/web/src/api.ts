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

export interface Party { key: string | null; name: string | null; code: string | null; country: string | null }
export interface EventListItem { ref: string; article: ArticleRef; event: EventItem; source: Party[]; target: Party[]; sentence_text: string | null }
export interface MergeReason {
  rule: string; with: string | null; shared_actors: string[]; date_relation: string | null; place_relation: string | null;
  mode_relation: string | null; score: number; text: string;
}
export interface TimelineSource {
  article_id: string; title: string | null; outlet: string | null; published: string | null; sentence: number;
  sentence_text: string | null; start: number; end: number; where: string | null; ref: string | null; date: string | null;
  date_text: string | null; trigger: string | null; reason: MergeReason | null;
}
export interface TimelineEntry {
  id: string; date: string | null; date_text: string | null; date_source: string | null; type: string; mode: string | null; cameo: string | null;
  goldstein: number | null; source: Party[]; target: Party[]; location: Location | null; negated: boolean; modality: string;
  issues: string[] | null; sources: TimelineSource[];
}
export interface ActorListItem { key: string; name: string; code: string | null; country: string | null; kind: string | null; articles: number; mentions: number }
export interface ActorRole { role: string; articles: number; first_published: string | null; last_published: string | null }
export interface ActorDetail {
  key: string; group: boolean; name: string; code: string | null; country: string | null; kind: string | null; names: string[];
  roles: ActorRole[]; articles: number; mentions: number;
  events: { as_source: number; as_target: number; recent: EventListItem[] };
  quotes: { count: number; recent: QuoteListItem[] };
  members: ActorListItem[]; positions: Position[]; links: { events: string; timeline: string; quotes: string; positions: string | null };
}
export interface NetworkNode { key: string; label: string; code: string | null; country: string | null; events: number; goldstein_sum: number }
export interface NetworkEdge {
  a: string; b: string; count: number; a_to_b: number; b_to_a: number; mean_goldstein: number | null; goldstein_sum: number;
  verbal_cooperation: number; material_cooperation: number; verbal_conflict: number; material_conflict: number;
  cooperation: number; conflict: number; top_events: string[];
}
export interface Network { level: string; from: string | null; to: string | null; type: string | null; min: number; events: number; nodes: NetworkNode[]; edges: NetworkEdge[] }

export interface Vocab { event_types: { type: string; quad: number }[]; issues: { id: string; label: string }[] | null }

export interface Evidence {
  article_id: string; title: string | null; outlet: string | null; published: string | null; url: string | null; sentence: number; sentence_text: string | null;
}
export interface Position {
  holder: string; actor_name: string | null; actor_key: string | null; code: string | null; country: string | null; issue: string;
  stance: string; cue: string | null; targets: string[]; condition: string | null; condition_issue: string | null; date: string | null;
  date_source: string | null; quote_id: string | null; event_id: string | null; confidence: number; evidence: Evidence; statements: number | null;
}
export interface PositionMatrix {
  issue: string | null; actor: string | null; actors: { holder: string; country: string | null; names: string[]; issues: number }[];
  issues: { id: string; label: string }[]; cells: Position[];
}
export interface PositionHistory { actor: string; issue: string | null; items: Position[] }
export interface ProcessListItem { id: string; name: string; conflict: string | null; start: string | null; end: string | null; articles: number }
export interface ProcessMember {
  member: string; name: string | null; role: string; known_role: string | null; known_since: string | null; known_until: string | null;
  basis: string; first: string | null; last: string | null; evidence: Evidence[];
}
export interface ProcessFact {
  kind: string; label: string | null; cue: string | null; actor: string | null; country: string | null; date: string | null;
  cluster: string | null; sources: number; evidence: Evidence;
}
export interface ProcessDetail {
  id: string; name: string; conflict: string | null; start: string | null; end: string | null; note: string | null; articles: number;
  members: ProcessMember[]; rounds: { number: number; date: string | null; place: string | null; evidence: Evidence[] }[];
  changes: ProcessFact[]; outcomes: ProcessFact[];
  events: { id: string; date: string | null; type: string; mode: string | null; place: string | null; actors: string[]; sources: number; evidence: Evidence | null }[];
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
  vocab: () => get<Vocab>("/api/vocab"),
  articles: (q: Record<string, string | number | undefined>) => get<Page<ArticleListItem>>("/api/articles", q),
  article: (id: string) => get<ArticleDetail>("/api/articles/" + encodeURIComponent(id)),
  quotes: (q: Record<string, string | number | undefined>) => get<Page<QuoteListItem>>("/api/quotes", q),
  events: (q: Record<string, string | number | undefined>) => get<Page<EventListItem>>("/api/events", q),
  timeline: (q: Record<string, string | number | undefined>) => get<Page<TimelineEntry>>("/api/timeline", q),
  actors: (q: Record<string, string | number | undefined>) => get<Page<ActorListItem>>("/api/actors", q),
  actor: (key: string) => get<ActorDetail>("/api/actors/" + encodeURIComponent(key)),
  network: (q: Record<string, string | number | undefined>) => get<Network>("/api/network", q),
  timelineEntry: (id: string) => get<TimelineEntry>("/api/timeline/" + encodeURIComponent(id)),
  positions: (q: Record<string, string | number | undefined>) => get<PositionMatrix>("/api/positions", q),
  positionHistory: (q: Record<string, string | number | undefined>) => get<PositionHistory>("/api/positions/history", q),
  processes: () => get<ProcessListItem[]>("/api/processes"),
  process: (name: string) => get<ProcessDetail>("/api/processes/" + encodeURIComponent(name)),
};

/** The hash query's value, or undefined when absent (for API calls). */
export function q(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) ?? undefined;
}
