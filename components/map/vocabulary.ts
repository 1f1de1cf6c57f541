// The editor's side of issue 13 ("vocab"): channel and device suggestions from the workspace
// vocabulary (the built-in suggestions in the page language while the workspace has none), the
// normaliser gap markers compare through, and how a department or owner chosen in the editor
// becomes a reference by id.
import type * as Y from "yjs";
import { setTouchpointDepartment, setTouchpointOwner, type GapNormaliser } from "@/lib/maps/map-document";
import { createVocabularyNormaliser, type VocabularyTermLike } from "@/lib/vocabularies/normalise";
import { SUGGESTED_VOCABULARY } from "@/lib/vocabularies/suggestions";

export type EditorVocabulary = { channel: string[]; device: string[]; normalise: GapNormaliser };

export function buildEditorVocabulary(terms: VocabularyTermLike[], locale: string): EditorVocabulary {
  const lang = locale === "de" ? "de" : "en";
  const list = (kind: "channel" | "device") => {
    const own = terms.filter((t) => t.kind === kind).map((t) => t.term);
    return own.length ? own : SUGGESTED_VOCABULARY[kind][lang].map((e) => e.term);
  };
  return { channel: list("channel"), device: list("device"), normalise: createVocabularyNormaliser(terms) };
}

const key = (s: string) => s.trim().toLocaleLowerCase();

/** Sets a touchpoint's department chosen by name: a workspace department by id, else free text. */
export function departmentEdit(departments: { id: string; name: string }[], touchpointId: string, name: string) {
  const found = departments.find((d) => key(d.name) === key(name));
  return (doc: Y.Doc) => setTouchpointDepartment(doc, touchpointId, { id: found?.id ?? null, name: found?.name ?? name });
}

/** Sets a touchpoint's owner typed or picked by name: a member (can be notified) by id, else free text. */
export function ownerEdit(members: { userId: string; name: string }[], touchpointId: string, name: string) {
  const matches = name.trim() ? members.filter((m) => key(m.name) === key(name)) : [];
  const member = matches.length === 1 ? matches[0] : null;
  return (doc: Y.Doc) => setTouchpointOwner(doc, touchpointId, { id: member?.userId ?? null, name: member?.name ?? name });
}
