"use client";
// Workspace settings: viewers may comment (default on); the default review interval of maps.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { updateDiscussionSettingsAction } from "@/lib/actions/discuss/discussion-settings";

export function DiscussionSettingsForm({ workspace, editable, initial }: { workspace: string; editable: boolean; initial: { viewersMayComment: boolean; reviewIntervalDays: number } }) {
  const t = useTranslations("discuss");
  const [viewers, setViewers] = useState(initial.viewersMayComment);
  const [days, setDays] = useState(String(initial.reviewIntervalDays));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await updateDiscussionSettingsAction({ workspace, viewersMayComment: viewers, reviewIntervalDays: Number(days) });
      if (result.ok) setMessage({ ok: true, text: t("workspaceSettings.saved") });
      else {
        const key = result.error.fields?.reviewIntervalDays;
        setMessage({ ok: false, text: key && t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.generic") : result.error.message });
      }
    });
  };
  return (
    <form onSubmit={submit} data-testid="discussion-settings">
      <h2 className="mb-3 text-base font-semibold text-slate-900">{t("workspaceSettings.title")}</h2>
      <fieldset disabled={!editable || pending} className="space-y-3">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={viewers} onChange={(e) => setViewers(e.target.checked)} data-testid="viewers-may-comment" />
          {t("workspaceSettings.viewersMayComment")}
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("workspaceSettings.reviewInterval")}</span>
          <input type="number" min={7} max={730} value={days} onChange={(e) => setDays(e.target.value)} className="w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm" data-testid="review-interval-default" />
        </label>
        {editable ? (
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">{t("workspaceSettings.save")}</button>
        ) : null}
      </fieldset>
      {message ? <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-green-700" : "text-red-600"}`}>{message.text}</p> : null}
    </form>
  );
}
