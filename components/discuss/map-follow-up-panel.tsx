"use client";
// "Activity & review" for a map: who added, moved, removed or edited which touchpoint (grouped per
// person per ten minutes), comments, reviews and versions; and the review cadence — owner,
// interval, next due date, "Mark reviewed" with a note, past reviews.
import { useCallback, useEffect, useId, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useFormatter, useTranslations } from "next-intl";
import { getMapActivityAction, getMapReviewInfoAction, updateMapReviewSettingsAction } from "@/lib/actions/discuss/map-review";
import type { ActivityEntry } from "@/lib/activity/get-map-activity";
import type { MapReviewInfo } from "@/lib/reviews/map-review-settings";
import { ReviewDialog } from "./review-dialog";

type Member = { userId: string; name: string | null; email: string };

export function MapFollowUpPanel({
  open, initialTab = "activity", onClose, workspaceSlug, mapId, mapTitle, canEdit, members, onShowTouchpoint,
}: {
  open: boolean;
  initialTab?: "activity" | "review";
  onClose: () => void;
  workspaceSlug: string;
  mapId: string;
  mapTitle: string;
  canEdit: boolean;
  members: Member[];
  onShowTouchpoint: (touchpointId: string) => void;
}) {
  const t = useTranslations("discuss");
  const format = useFormatter();
  const titleId = useId();
  const [tab, setTab] = useState(initialTab);
  const [activity, setActivity] = useState<ActivityEntry[] | null>(null);
  const [review, setReview] = useState<MapReviewInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [a, r] = await Promise.all([getMapActivityAction({ workspace: workspaceSlug, mapId }), getMapReviewInfoAction({ workspace: workspaceSlug, mapId })]);
    if (a.ok) setActivity(a.data);
    if (r.ok) setReview(r.data);
    setError(!a.ok ? a.error.message : !r.ok ? r.error.message : null);
  }, [workspaceSlug, mapId]);

  const opened = () => {
    setTab(initialTab);
    void load();
  };

  const saveSettings = async (patch: { ownerId?: string | null; intervalDays?: number | null }) => {
    const result = await updateMapReviewSettingsAction({ workspace: workspaceSlug, mapId, ...patch });
    if (result.ok) {
      setReview(result.data);
      setSaved(t("review.settingsSaved"));
      setError(null);
    } else {
      const key = result.error.fields?.intervalDays ?? result.error.fields?.ownerId;
      setError(key && t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.generic") : result.error.message);
    }
  };

  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const who = (name: string | null) => name ?? t("someone");

  return (
    <ModalDialog open={open} onOpen={opened} onClose={onClose} labelledBy={titleId} layout="side" widthClass="w-[min(30rem,100vw)]" data-testid="follow-up-panel">
      <div className="sticky top-0 z-10 border-b border-slate-200 bg-white px-4 pt-3">
        <div className="flex items-center justify-between">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">{t("activity.title")} · {t("review.title")}</h2>
          <button type="button" onClick={onClose} aria-label={t("close")} className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100" data-testid="follow-up-close">
            <span aria-hidden>✕</span>
          </button>
        </div>
        <div role="tablist" className="mt-2 flex gap-1">
          {(["activity", "review"] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`follow-up-tab-${k}`}
              className={`rounded-t-md px-3 py-1.5 text-sm font-medium ${tab === k ? "border-b-2 border-brand-600 text-brand-700" : "text-slate-600 hover:text-slate-900"}`}>
              {t(`${k}.title`)}
            </button>
          ))}
        </div>
      </div>
      <div className="space-y-3 px-4 py-4">
        {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
        {tab === "activity" ? (
          activity === null ? (
            <div className="h-24 animate-pulse rounded-md bg-slate-100" aria-busy="true" />
          ) : activity.length === 0 ? (
            <p className="text-sm text-slate-600">{t("activity.empty")}</p>
          ) : (
            <ol className="space-y-2" data-testid="activity-list">
              {activity.map((e, i) => (
                <li key={i} className="rounded-md border border-slate-200 p-2.5 text-sm" data-testid={`activity-${e.type}`}>
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="font-medium text-slate-900">
                      {e.type === "touchpoints" ? t("activity.touchpoints", { actor: who(e.actorName) })
                        : e.type === "comment" ? t("activity.comment", { actor: who(e.actorName), label: e.anchorLabel || mapTitle })
                        : e.type === "review" ? t("activity.review", { actor: who(e.actorName) })
                        : t("activity.version", { actor: who(e.actorName), label: e.label })}
                    </span>
                    <time className="shrink-0 text-xs text-slate-500" dateTime={e.at}>{when(e.at)}</time>
                  </div>
                  {e.type === "touchpoints" ? (
                    <ul className="mt-1 space-y-0.5">
                      {e.changes.slice(0, 20).map((c) => (
                        <li key={`${c.kind}-${c.touchpointId}`} className="text-slate-700">
                          <span className="mr-1 rounded bg-slate-100 px-1 text-xs text-slate-600">{t(`activity.${c.kind}`)}</span>
                          {c.kind === "touchpoint_removed" ? (
                            <span className="line-through">{c.title}</span>
                          ) : (
                            <button type="button" className="hover:underline" onClick={() => { onClose(); onShowTouchpoint(c.touchpointId); }}>{c.title || "…"}</button>
                          )}
                        </li>
                      ))}
                      {e.changes.length > 20 ? <li className="text-xs text-slate-500">+{e.changes.length - 20}</li> : null}
                    </ul>
                  ) : e.type === "comment" ? (
                    <p className="mt-1 line-clamp-2 text-slate-600">{e.excerpt}</p>
                  ) : e.type === "review" ? (
                    <p className="mt-1 whitespace-pre-wrap text-slate-600">{e.note}</p>
                  ) : null}
                </li>
              ))}
            </ol>
          )
        ) : review === null ? (
          <div className="h-24 animate-pulse rounded-md bg-slate-100" aria-busy="true" />
        ) : (
          <div className="space-y-4" data-testid="review-tab">
            <p className={`text-sm font-medium ${new Date(review.dueAt) < new Date() ? "text-red-700" : "text-slate-700"}`} data-testid="review-due">
              {new Date(review.dueAt) < new Date() ? t("review.overdue", { date: format.dateTime(new Date(review.dueAt), { dateStyle: "medium" }) }) : t("review.due", { date: format.dateTime(new Date(review.dueAt), { dateStyle: "medium" }) })}
            </p>
            <label className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("review.owner")}</span>
              <select disabled={!canEdit} value={review.ownerId ?? ""} onChange={(e) => void saveSettings({ ownerId: e.target.value || null })} className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" data-testid="review-owner">
                <option value="">{t("review.noOwner")}</option>
                {members.map((m) => <option key={m.userId} value={m.userId}>{m.name ?? m.email}</option>)}
                {review.ownerId && !members.some((m) => m.userId === review.ownerId) ? <option value={review.ownerId}>{review.ownerName ?? "?"} ⚠</option> : null}
              </select>
            </label>
            <label className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("review.interval")}</span>
              <input
                type="number" min={7} max={730} disabled={!canEdit}
                defaultValue={review.intervalDays ?? ""}
                placeholder={t("review.workspaceDefault", { days: review.effectiveIntervalDays })}
                onBlur={(e) => {
                  const v = e.target.value.trim();
                  const next = v === "" ? null : Number(v);
                  if (next !== review.intervalDays) void saveSettings({ intervalDays: next });
                }}
                className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                data-testid="review-interval"
              />
            </label>
            {saved ? <p role="status" className="text-xs text-green-700">{saved}</p> : null}
            {canEdit ? (
              <button type="button" onClick={() => setReviewing(true)} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" data-testid="mark-reviewed">
                {t("review.markReviewed")}
              </button>
            ) : null}
            <ReviewList reviews={review.reviews} />
          </div>
        )}
      </div>
      {reviewing ? <ReviewDialog slug={workspaceSlug} mapId={mapId} title={mapTitle} onClose={() => setReviewing(false)} onDone={() => void load()} /> : null}
    </ModalDialog>
  );
}

export function ReviewList({ reviews }: { reviews: MapReviewInfo["reviews"] }) {
  const t = useTranslations("discuss");
  const format = useFormatter();
  return (
    <section data-testid="review-list">
      <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("review.reviews")}</h3>
      {reviews.length === 0 ? (
        <p className="text-sm text-slate-600">{t("review.noReviews")}</p>
      ) : (
        <ul className="space-y-2">
          {reviews.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-200 p-2 text-sm" data-testid="review-item">
              <p className="text-xs text-slate-500">{r.reviewerName ?? t("someone")} · {format.dateTime(new Date(r.createdAt), { dateStyle: "medium" })}</p>
              <p className="whitespace-pre-wrap text-slate-800">{r.note}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Reviews of a map, for the history panel (loads on its own). */
export function MapReviewsSection({ workspaceSlug, mapId }: { workspaceSlug: string; mapId: string }) {
  const [info, setInfo] = useState<MapReviewInfo | null>(null);
  useEffect(() => {
    let live = true;
    void getMapReviewInfoAction({ workspace: workspaceSlug, mapId }).then((r) => live && r.ok && setInfo(r.data));
    return () => {
      live = false;
    };
  }, [workspaceSlug, mapId]);
  return info ? <ReviewList reviews={info.reviews} /> : null;
}
