"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import { InboxBell } from "@/components/discuss/inbox-bell";
import { CommandPalette, SearchIconButton } from "@/components/search/command-palette";

type Props = {
  workspace: { slug: string; name: string; role: string };
  workspaces: { slug: string; name: string }[];
  user: { name: string | null; email: string };
  /** Unread inbox entries (the bell's number). */
  unread?: number;
  children: React.ReactNode;
};

const NAV = [
  { key: "home", path: "" },
  { key: "maps", path: "/maps" },
  { key: "personas", path: "/personas" },
  { key: "stakeholders", path: "/stakeholders" },
  { key: "dashboard", path: "/dashboard" },
  { key: "members", path: "/members" },
  { key: "settings", path: "/settings" },
] as const;

export function AppShell({ workspace, workspaces, user, unread = 0, children }: Props) {
  const t = useTranslations("nav");
  const ta = useTranslations("auth");
  const tc = useTranslations("common");
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const base = `/w/${workspace.slug}`;
  const isActive = (path: string) => (path === "" ? pathname === base : pathname.startsWith(base + path));

  const nav = (
    <nav aria-label={t("mainNavigation")} className="flex flex-col gap-0.5">
      {NAV.map((item) => (
        <Link
          key={item.key}
          href={base + item.path}
          onClick={() => setMenuOpen(false)}
          aria-current={isActive(item.path) ? "page" : undefined}
          className={`rounded-md px-3 py-2 text-sm font-medium ${isActive(item.path) ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {t(item.key)}
        </Link>
      ))}
    </nav>
  );

  return (
    <div className="flex min-h-screen">
      <aside className={`no-print fixed inset-y-0 left-0 z-30 w-60 flex-col border-r border-slate-200 bg-white p-3 lg:flex ${menuOpen ? "flex" : "hidden"}`}>
        <details className="group relative mb-4">
          <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-2 hover:bg-slate-100" aria-label={t("switchWorkspace")}>
            <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-md bg-gradient-to-br from-brand-500 to-pink-500 text-xs font-bold text-white">
              {workspace.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="flex-1 truncate text-sm font-semibold" data-testid="workspace-name">{workspace.name}</span>
            <span aria-hidden className="text-slate-400">▾</span>
          </summary>
          <div className="absolute left-0 right-0 z-40 mt-1 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
            {workspaces.map((w) => (
              <Link key={w.slug} href={`/w/${w.slug}`} className="block rounded px-2 py-1.5 text-sm hover:bg-slate-100">
                {w.name}
              </Link>
            ))}
            <Link href="/onboarding" className="block rounded px-2 py-1.5 text-sm text-brand-600 hover:bg-slate-100">
              + {t("newWorkspace")}
            </Link>
          </div>
        </details>
        <CommandPalette slug={workspace.slug} canCreate={workspace.role !== "viewer"} />
        <InboxBell workspace={workspace.slug} href={`${base}/inbox`} unread={unread} active={pathname.startsWith(`${base}/inbox`)} onNavigate={() => setMenuOpen(false)} />
        {nav}
        <div className="mt-auto border-t border-slate-200 pt-3">
          <div className="mb-2 px-2 text-xs text-slate-500">
            <div className="truncate font-medium text-slate-800">{user.name ?? user.email}</div>
            <div className="truncate">{user.email}</div>
            <div className="mt-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700" data-testid="my-role">
              {tc(`roles.${workspace.role}` as "roles.owner")}
            </div>
          </div>
          <div className="flex items-center justify-between gap-2 px-2">
            <Link href="/account" className="text-sm text-slate-700 hover:underline">{t("account")}</Link>
            <LanguageSwitch />
          </div>
          <form action={signOutAction} className="mt-2 px-2">
            <button type="submit" className="text-sm text-slate-600 hover:underline">{ta("signOut")}</button>
          </form>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col lg:pl-60">
        <header className="no-print sticky top-0 z-20 flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 lg:hidden">
          <button type="button" aria-label={t("openMenu")} aria-expanded={menuOpen} onClick={() => setMenuOpen((o) => !o)} className="rounded-md p-2 hover:bg-slate-100">
            <span aria-hidden>☰</span>
          </button>
          <span className="flex-1 font-semibold">{workspace.name}</span>
          <SearchIconButton />
          <InboxBell workspace={workspace.slug} href={`${base}/inbox`} unread={unread} active={false} compact />
        </header>
        {menuOpen ? <div className="fixed inset-0 z-20 bg-slate-900/30 lg:hidden" onClick={() => setMenuOpen(false)} aria-hidden /> : null}
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
