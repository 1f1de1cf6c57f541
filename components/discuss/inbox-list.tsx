"use client";
// The inbox entries: one line each (who, what, where), unread in bold; clicking marks it read
// and lands on the exact cell with the thread open.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { markNotificationsReadAction } from "@/lib/actions/discuss/notifications";
import type { NotificationView } from "@/lib/notifications/list-notifications";

const ICONS: Record<string, string> = {
  mention: "@", reply: "↩", touchpoint_owner: "★", opportunity_owner: "★", map_owner: "★", review_due: "⏰", invitation_accepted: "✓",
};

export function InboxList({ initial }: { workspace: string; initial: NotificationView[] }) {
  const t = useTranslations("discuss");
  const format = useFormatter();
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [, startTransition] = useTransition();
  const shown = onlyUnread ? items.filter((n) => !n.readAt) : items;
  const unread = items.filter((n) => !n.readAt).length;

  const markRead = async (ids: string[] | "all") => {
    const now = new Date().toISOString();
    setItems((list) => list.map((n) => (ids === "all" || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)));
    await markNotificationsReadAction(ids === "all" ? { all: true } : { ids });
    window.dispatchEvent(new Event("journeyboard:inbox-changed"));
  };

  return (
    <div data-testid="inbox">
      <div className="mb-3 flex items-center gap-3 text-sm">
        <span className="text-slate-600" data-testid="inbox-summary">{t("inbox.unread", { count: unread })}</span>
        <label className="ml-auto inline-flex items-center gap-1.5 text-slate-700">
          <input type="checkbox" checked={onlyUnread} onChange={(e) => setOnlyUnread(e.target.checked)} /> {t("inbox.onlyUnread")}
        </label>
        <button type="button" disabled={unread === 0} onClick={() => void markRead(items.filter((n) => !n.readAt).map((n) => n.id))} className="rounded-md border border-slate-300 px-2.5 py-1 text-slate-800 enabled:hover:bg-slate-50 disabled:text-slate-400" data-testid="inbox-mark-all">
          {t("inbox.markAllRead")}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600" data-testid="inbox-empty">{t("inbox.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {shown.map((n) => (
            <li key={n.id} className={`flex items-start gap-3 px-3 py-2.5 ${n.readAt ? "" : "bg-brand-50/40"}`} data-testid="inbox-item" data-kind={n.kind} data-read={n.readAt ? "true" : "false"}>
              <span aria-hidden className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-bold text-slate-700">{ICONS[n.kind] ?? "•"}</span>
              <a
                href={n.path}
                onClick={(e) => {
                  e.preventDefault();
                  startTransition(async () => {
                    if (!n.readAt) await markRead([n.id]);
                    router.push(n.path);
                  });
                }}
                className="min-w-0 flex-1"
                data-testid="inbox-link"
              >
                <span className={`block truncate text-sm ${n.readAt ? "text-slate-700" : "font-semibold text-slate-900"}`}>
                  {t(`kinds.${n.kind}` as "kinds.mention", { actor: n.actorName ?? t("someone"), title: n.title })}
                </span>
                {n.excerpt && n.kind !== "invitation_accepted" ? <span className="block truncate text-xs text-slate-500">{n.excerpt}</span> : null}
              </a>
              <time className="shrink-0 text-xs text-slate-500" dateTime={n.createdAt}>{format.relativeTime(new Date(n.createdAt))}</time>
              {!n.readAt ? (
                <button type="button" onClick={() => void markRead([n.id])} className="shrink-0 text-xs text-slate-600 hover:underline" data-testid="inbox-mark-read">{t("inbox.markRead")}</button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      
    </div>
  );
}
