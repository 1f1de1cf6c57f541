"use client";
// A small count badge on a commented touchpoint, stage, persona section or stakeholder; it opens
// that anchor's thread in the comments panel. Uncommented anchors show a faint "+" on hover for
// people who may comment.
import { useTranslations } from "next-intl";
import type { CommentAnchorKind } from "@/db/schema";
import { useDiscussionContext } from "./discussion-context";

export function CommentMarker({ kind, id, label, className = "" }: { kind: CommentAnchorKind; id: string; label: string; className?: string }) {
  const t = useTranslations("discuss");
  const ctx = useDiscussionContext();
  if (!ctx) return null;
  const count = ctx.counts.get(`${kind}:${id}`) ?? 0;
  if (count === 0 && !ctx.mayComment) return null;
  return (
    <button
      type="button"
      onClick={(e) => {
        e.stopPropagation();
        ctx.openComments({ kind, id, label });
      }}
      aria-label={`${t("commentsCount", { count })}: ${label}`}
      title={t("commentsCount", { count })}
      data-testid={`comment-marker-${kind}-${id}`}
      data-count={count}
      className={`inline-flex min-h-6 min-w-6 shrink-0 items-center justify-center gap-0.5 rounded-full px-1.5 text-[11px] font-semibold leading-5 focus-visible:outline-2 focus-visible:outline-brand-500 ${
        count > 0 ? "bg-amber-100 text-amber-900 hover:bg-amber-200" : "text-slate-400 opacity-0 hover:bg-slate-100 hover:text-slate-700 group-hover:opacity-100 focus-visible:opacity-100"
      } ${className}`}
    >
      <span aria-hidden>💬</span>
      {count > 0 ? <span>{count}</span> : <span aria-hidden>+</span>}
    </button>
  );
}

/** A dot on a touchpoint that others changed since the reader's last visit (until seen). */
export function ChangedDot({ touchpointId }: { touchpointId: string }) {
  const t = useTranslations("discuss");
  const ctx = useDiscussionContext();
  if (!ctx?.changed.has(touchpointId)) return null;
  return (
    <span
      role="img"
      aria-label={t("activity.changedBadge")}
      title={t("activity.changedBadge")}
      data-testid={`changed-${touchpointId}`}
      className="absolute right-0.5 top-0.5 h-2.5 w-2.5 rounded-full bg-sky-500 ring-2 ring-white"
    />
  );
}
