// Shapes of the storyline HTTP API (docs/api.md). Fields the server may omit are optional;
// the view-model builders in model.ts treat every field defensively.

export interface ThreadSummary {
  id: string;
  title: string;
  articles: number;
  sources: number;
  languages: string[];
  first_seen?: string | null;
  last_seen?: string | null;
  importance?: number;
  top_sources?: string[];
}

export interface ThreadList {
  now?: string | null;
  threads: ThreadSummary[];
}

export interface JoinReason {
  /** True for the article that started the thread (its `probability` is then 1). */
  founder?: boolean;
  probability?: number | null;
  /** Probability against `matched_article` (for a founder: its closest member). */
  matched_probability?: number | null;
  matched_article?: string | null;
  shared_entities?: string[];
  shared_terms?: string[];
}

export interface StoryArticle {
  id: string;
  title: string;
  lede?: string | null;
  lang?: string | null;
  published?: string | null;
  url?: string | null;
  joined?: JoinReason | null;
}

export interface StoryOutlet {
  source: string;
  articles: StoryArticle[];
}

export interface TimelineEntry {
  time?: string | null;
  article: string;
  source?: string | null;
  title?: string | null;
}

export type Verdict = 'spelling variants' | 'same form' | 'short and full forms' | 'possibly different people' | string;

export interface VariantForm {
  surface: string;
  articles: string[];
}

export interface VariantEntry {
  key: string;
  kind?: string | null;
  forms: VariantForm[];
  verdict: Verdict;
}

export interface Story {
  id: string;
  title: string;
  first_seen?: string | null;
  last_seen?: string | null;
  languages?: string[];
  importance?: number;
  outlets: StoryOutlet[];
  timeline?: TimelineEntry[];
  variants?: VariantEntry[];
}

export interface Health {
  status: 'ok' | 'loading' | string;
  articles?: number;
  threads?: number;
}
