"use client";
// The bell in the app shell: unread inbox entries of this workspace. The number comes with each page; it also
// refreshes when the tab regains focus (the inbox is not a live document, so no socket is held).
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { countUnreadAction } from "@/lib/actions/discuss/notifications";

export function InboxBell({ workspace, href, unread, active, compact, onNavigate }: { workspace: string; href: string; unread: number; active: boolean; compact?: boolean; onNavigate?: () => void }) {
  const t = useTranslations("discuss");
  const [count, setCount] = useState(unread);
  // A new page brings a new number: take it (during render, not in an effect).
  const [pageUnread, setPageUnread] = useState(unread);
  if (pageUnread !== unread) {
    setPageUnread(unread);
    setCount(unread);
  }
  useEffect(() => {
    const refresh = () => void countUnreadAction({ workspace }).then((r) => r.ok && setCount(r.data));
    window.addEventListener("focus", refresh);
    window.addEventListener("journeyboard:inbox-changed", refresh);
    return () => {
      window.removeEventListener("focus", refresh);
      window.removeEventListener("journeyboard:inbox-changed", refresh);
    };
  }, [workspace]);
  return (
    <Link
      href={href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      aria-label={`${t("inbox.bell")}: ${t("inbox.unread", { count })}`}
      className={`mb-2 flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium ${compact ? "mb-0 px-2" : ""} ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
      data-testid="inbox-bell"
    >
      <span aria-hidden>🔔</span>
      {compact ? null : <span className="flex-1">{t("inbox.bell")}</span>}
      {count > 0 ? (
        <span className="rounded-full bg-red-600 px-1.5 text-xs font-semibold leading-5 text-white" data-testid="inbox-unread">{count > 99 ? "99+" : count}</span>
      ) : null}
    </Link>
  );
}
