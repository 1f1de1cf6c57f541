// Normalising free text against a workspace vocabulary: a channel or device written as a synonym
// ("Web") compares as its canonical term ("Website"). Pure: runs in the editor and on the server.
import type { GapNormaliser } from "@/lib/maps/map-document";

export type VocabularyTermLike = { kind: "channel" | "device"; term: string; synonyms: string[] };

const key = (s: string) => s.trim().toLocaleLowerCase().replace(/\s+/g, " ");

/**
 * A gap normaliser for computeGaps: channel and device values that are a term or one of its
 * synonyms (case- and space-insensitive) become the term's key; other values and departments pass
 * through unchanged. When two terms claim the same synonym, the first in the list wins.
 */
export function createVocabularyNormaliser(terms: VocabularyTermLike[]): GapNormaliser {
  const lookup = { channel: new Map<string, string>(), device: new Map<string, string>() };
  // Terms themselves first, so a term is never swallowed by another term's synonym.
  for (const t of terms) if (key(t.term)) lookup[t.kind].set(key(t.term), key(t.term));
  for (const t of terms) {
    for (const s of t.synonyms) {
      const k = key(s);
      if (k && !lookup[t.kind].has(k)) lookup[t.kind].set(k, key(t.term));
    }
  }
  return (kind, value) => {
    if (kind === "department") return value;
    const k = key(value);
    return lookup[kind].get(k) ?? k;
  };
}

/** The canonical term for a value (for display and suggestions), or null when the vocabulary does not know it. */
export function canonicalTerm(terms: VocabularyTermLike[], kind: "channel" | "device", value: string): string | null {
  const k = key(value);
  if (!k) return null;
  const exact = terms.find((t) => t.kind === kind && key(t.term) === k);
  if (exact) return exact.term;
  return terms.find((t) => t.kind === kind && t.synonyms.some((s) => key(s) === k))?.term ?? null;
}
