"use client";
// "Mark reviewed": asks for the team's short note (what changed, what customers say now) and
// records the review; the note is listed in the map's history.
import { useState, useTransition } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { markMapReviewedAction } from "@/lib/actions/maps/mark-map-reviewed";

export function ReviewDialog({ slug, mapId, title, onClose, onDone }: { slug: string; mapId: string; title: string; onClose: () => void; onDone: () => void }) {
  const t = useTranslations("discuss");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await markMapReviewedAction({ workspace: slug, mapId, note });
      if (result.ok) {
        onDone();
        onClose();
        return;
      }
      const key = result.error.fields?.note;
      setError(key && t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.generic") : result.error.message);
    });
  };
  return (
    <ModalDialog onClose={onClose} labelledBy="review-map-title" widthClass="w-[min(32rem,calc(100vw-2rem))]">
      <form onSubmit={submit} className="p-5">
        <h2 id="review-map-title" className="mb-1 text-base font-semibold text-slate-900">{t("review.markReviewed")}</h2>
        <p className="mb-3 text-sm text-slate-600">{title}</p>
        <label htmlFor="review-note" className="mb-1 block text-sm font-medium text-slate-700">{t("review.note")}</label>
        <textarea
          id="review-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={4}
          required
          autoFocus
          aria-invalid={error ? true : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        />
        {error ? <p role="alert" className="mt-1 text-sm text-red-600">{error}</p> : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>{t("cancel")}</Button>
          <Button type="submit" disabled={pending || !note.trim()}>{t("review.submit")}</Button>
        </div>
      </form>
    </ModalDialog>
  );
}
