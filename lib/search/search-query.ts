// The text search query: German and English stemming (websearch syntax: "quoted phrases", -not, or)
// plus a prefix match on every word for type-ahead ("rechn" → "Rechnung"). Pure: builds SQL only.
import { sql, type SQL } from "drizzle-orm";

/** Longest query accepted (characters). */
export const SEARCH_QUERY_MAX = 200;
/** At most this many words take part in the prefix match. */
const PREFIX_WORDS = 8;

/** The words of a query as prefix terms for `to_tsquery('simple', …)`, or "" when there are none. */
export function prefixTerms(q: string): string {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, PREFIX_WORDS).map((w) => `${w}:*`).join(" & ");
}

/** The tsquery of a user's query: either stemmer's reading, or every word as a prefix. */
export function searchTsQuery(q: string): SQL {
  const prefix = prefixTerms(q);
  const stemmed = sql`(websearch_to_tsquery('german'::regconfig, ${q}) || websearch_to_tsquery('english'::regconfig, ${q}))`;
  return prefix ? sql`(${stemmed} || to_tsquery('simple'::regconfig, ${prefix}))` : stemmed;
}

/** Marks around matches in headlines (control characters never typed into a map). */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=8, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** A snippet of `body` around the matches, with marks; German reading first, English when it marks nothing. */
export function headline(body: SQL, query: SQL): SQL<string> {
  const de = sql`ts_headline('german'::regconfig, ${body}, ${query}, ${HEADLINE_OPTIONS})`;
  const en = sql`ts_headline('english'::regconfig, ${body}, ${query}, ${HEADLINE_OPTIONS})`;
  return sql<string>`(case when position(${MARK_START} in ${de}) > 0 then ${de} else ${en} end)`;
}

/** A piece of a snippet: plain text or a match. */
export type SnippetPart = { text: string; match: boolean };

/** Splits a marked headline into parts (for <mark> in the UI and plain JSON in the API). */
export function parseSnippet(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = marked;
  while (rest) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    const text = rest.slice(start + 1, stop);
    if (text) parts.push({ text, match: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return parts.reduce<SnippetPart[]>((acc, p) => {
    const last = acc.at(-1);
    if (last && last.match === p.match) last.text += p.text;
    else acc.push({ ...p });
    return acc;
  }, []);
}
