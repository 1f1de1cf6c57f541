"use client";
// One vocabulary (channels or devices): each term with its synonyms (comma-separated), saved on
// Enter or when leaving the field; delete; add; add the built-in suggestions in the page language.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { addSuggestedVocabularyAction } from "@/lib/actions/vocabularies/add-suggested-vocabulary";
import { deleteVocabularyTermAction } from "@/lib/actions/vocabularies/delete-vocabulary-term";
import { saveVocabularyTermAction } from "@/lib/actions/vocabularies/save-vocabulary-term";
import { splitSynonyms } from "@/lib/validations/vocabularies";

type Term = { id: string; term: string; synonyms: string[] };
type Result = { ok: true } | { ok: false; error: { message: string; fields?: Record<string, string> } };
type Props = { workspace: string; kind: "channel" | "device"; editable: boolean; locale: "en" | "de"; suggestionCount: number; terms: Term[] };

const ERROR_KEYS = ["term_required", "term_too_long", "term_taken", "term_limit", "too_many_synonyms"] as const;

export function VocabularyEditor({ workspace, kind, editable, locale, suggestionCount, terms }: Props) {
  const t = useTranslations("vocab.settings");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [newTerm, setNewTerm] = useState("");
  const [newSynonyms, setNewSynonyms] = useState("");

  const message = (result: Extract<Result, { ok: false }>) => {
    const code = Object.values(result.error.fields ?? {})[0];
    return code && (ERROR_KEYS as readonly string[]).includes(code) ? t(`errors.${code as (typeof ERROR_KEYS)[number]}`) : result.error.message;
  };
  const run = (key: string, fn: () => Promise<Result>, after?: () => void) =>
    startTransition(async () => {
      const result = await fn();
      setErrors((e) => {
        const next = { ...e };
        if (result.ok) delete next[key];
        else next[key] = message(result);
        return next;
      });
      if (result.ok) after?.();
      router.refresh();
    });
  const save = (term: Term, patch: { term?: string; synonyms?: string[] }) =>
    run(term.id, () => saveVocabularyTermAction({ workspace, kind, termId: term.id, term: patch.term ?? term.term, synonyms: patch.synonyms ?? term.synonyms }));

  if (!editable) {
    return terms.length ? (
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid={`vocabulary-${kind}-read-only`}>
        {terms.map((term) => (
          <div key={term.id} className="contents">
            <dt className="font-medium text-slate-900">{term.term}</dt>
            <dd className="text-slate-600">{term.synonyms.length ? term.synonyms.join(", ") : "—"}</dd>
          </div>
        ))}
      </dl>
    ) : (
      <p className="text-sm text-slate-600">{t("empty")}</p>
    );
  }

  return (
    <div className="space-y-4" data-testid={`vocabulary-${kind}`}>
      {terms.length ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {terms.map((term) => (
            <li key={term.id} className="flex flex-wrap items-start gap-3 px-3 py-2" data-testid="vocabulary-term">
              <div className="w-48">
                <input
                  aria-label={t("termOf", { term: term.term })}
                  defaultValue={term.term}
                  key={term.term}
                  maxLength={60}
                  aria-invalid={errors[term.id] ? true : undefined}
                  className={inputClass}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") e.currentTarget.blur();
                  }}
                  onBlur={(e) => {
                    const value = e.currentTarget.value.trim();
                    if (value !== term.term) save(term, { term: value });
                  }}
                />
              </div>
              <div className="min-w-48 flex-1">
                <input
                  aria-label={t("synonymsOf", { term: term.term })}
                  defaultValue={term.synonyms.join(", ")}
                  key={term.synonyms.join("|")}
                  placeholder={t("synonymsPlaceholder")}
                  className={inputClass}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") e.currentTarget.blur();
                  }}
                  onBlur={(e) => {
                    const synonyms = splitSynonyms(e.currentTarget.value);
                    if (synonyms.join("|") !== term.synonyms.join("|")) save(term, { synonyms });
                  }}
                />
                {errors[term.id] ? <p role="alert" className="mt-1 text-sm text-red-700">{errors[term.id]}</p> : null}
              </div>
              <Button variant="ghost" size="sm" className="mt-1 text-red-700! hover:bg-red-50" disabled={pending} onClick={() => run(term.id, () => deleteVocabularyTermAction({ workspace, termId: term.id }))}>
                {t("delete")}<span className="sr-only"> {term.term}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          run("new", () => saveVocabularyTermAction({ workspace, kind, term: newTerm, synonyms: splitSynonyms(newSynonyms) }), () => {
            setNewTerm("");
            setNewSynonyms("");
          });
        }}
      >
        <div className="w-48">
          <input aria-label={t(`new_${kind}`)} placeholder={t(`new_${kind}`)} value={newTerm} maxLength={60} onChange={(e) => setNewTerm(e.target.value)} className={inputClass} data-testid={`vocabulary-new-${kind}`} />
        </div>
        <div className="min-w-48 flex-1">
          <input aria-label={t("newSynonyms")} placeholder={t("synonymsPlaceholder")} value={newSynonyms} onChange={(e) => setNewSynonyms(e.target.value)} className={inputClass} data-testid={`vocabulary-new-${kind}-synonyms`} />
          {errors.new ? <p role="alert" className="mt-1 text-sm text-red-700">{errors.new}</p> : null}
        </div>
        <Button type="submit" variant="secondary" disabled={pending || !newTerm.trim()}>{t("add")}</Button>
      </form>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
        {(["en", "de"] as const).map((l) => (
          <Button key={l} variant="ghost" size="sm" disabled={pending} onClick={() => run("suggest", () => addSuggestedVocabularyAction({ workspace, locale: l, kind }))}>
            {t(l === locale ? "addSuggestions" : "addSuggestionsOther", { count: suggestionCount, language: t(`language_${l}`) })}
          </Button>
        ))}
        {errors.suggest ? <p role="alert" className="text-sm text-red-700">{errors.suggest}</p> : null}
      </div>
    </div>
  );
}
