"use client";
// "Share" in an editor's top bar: create a view-only link (expiry, optional password, whether
// member names show), copy it (the URL is shown once: only its hash is stored), see the active
// links with their opens, revoke any. Viewers see the links but cannot create or revoke.
import { useCallback, useEffect, useId, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useFormatter, useTranslations } from "next-intl";
import { createShareLinkAction } from "@/lib/actions/sharing/create-share-link";
import { listShareLinksAction } from "@/lib/actions/sharing/list-share-links";
import { revokeShareLinkAction } from "@/lib/actions/sharing/revoke-share-link";
import type { ShareLinkItem } from "@/lib/sharing/list-share-links";
import type { ShareKind } from "@/lib/sharing/share-targets";

const EXPIRY_DAYS = ["1", "7", "30", "90", "never"] as const;
type Expiry = (typeof EXPIRY_DAYS)[number];

type Props = { workspaceSlug: string; kind: ShareKind; docId: string; canEdit: boolean };

export function ShareButton(props: Props) {
  const t = useTranslations("sharing");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="share-button">
        {t("share")}
      </button>
      {open ? <ShareDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ShareDialog({ workspaceSlug, kind, docId, canEdit, onClose }: Props & { onClose: () => void }) {
  const t = useTranslations("sharing");
  const format = useFormatter();
  const titleId = useId();
  const [links, setLinks] = useState<ShareLinkItem[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [expiry, setExpiry] = useState<Expiry>("30");
  const [password, setPassword] = useState("");
  const [showNames, setShowNames] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await listShareLinksAction({ workspace: workspaceSlug, kind, docId });
    if (result.ok) setLinks(result.data);
    else setListError(result.error.message);
  }, [workspaceSlug, kind, docId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads or applies external state (server data, the URL, a dialog opening) once the component is there
    void load();
  }, [load]);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (password && password.length < 4) return setFormError(t("passwordTooShort"));
    setCreating(true);
    const expiresAt = expiry === "never" ? null : new Date(Date.now() + Number(expiry) * 24 * 60 * 60 * 1000).toISOString();
    const result = await createShareLinkAction({ workspace: workspaceSlug, kind, docId, expiresAt, password: password || null, showNames });
    setCreating(false);
    if (!result.ok) return setFormError(result.error.fields?.password ? t("passwordTooShort") : result.error.message);
    setCreated({ url: result.data.url });
    setCopied(false);
    setPassword("");
    void load();
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      // Clipboard blocked (permissions, insecure origin): the field is selected for a manual copy.
      document.getElementById(`${titleId}-url`)?.focus();
    }
  };

  const revoke = async (linkId: string) => {
    setConfirmRevoke(null);
    const result = await revokeShareLinkAction({ workspace: workspaceSlug, linkId });
    if (result.ok) setLinks((list) => list?.filter((l) => l.id !== linkId) ?? null);
    else setListError(result.error.message);
  };

  const when = (d: Date) => format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short" });
  return (
    <ModalDialog onClose={onClose} labelledBy={titleId} widthClass="w-[min(36rem,calc(100vw-2rem))]" data-testid="share-dialog">
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100" aria-label={t("close")} data-testid="share-close">
          <span aria-hidden>✕</span>
        </button>
      </div>
      <div className="space-y-5 px-5 py-4">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        {canEdit ? (
          <form onSubmit={create} className="space-y-3 rounded-lg border border-slate-200 p-3" data-testid="share-create-form" noValidate>
            <div className="grid gap-3 sm:grid-cols-2">
              <label className="text-sm font-medium text-slate-700">
                {t("expiry")}
                <select value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" data-testid="share-expiry">
                  {EXPIRY_DAYS.map((d) => <option key={d} value={d}>{d === "never" ? t("never") : t("days", { count: Number(d) })}</option>)}
                </select>
              </label>
              <label className="text-sm font-medium text-slate-700">
                {t("passwordOptional")}
                <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" maxLength={200} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" data-testid="share-new-password" />
              </label>
            </div>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} data-testid="share-show-names" />
              {t("showNames")}
            </label>
            {formError ? <p role="alert" className="text-sm text-red-700" data-testid="share-form-error">{formError}</p> : null}
            <button type="submit" disabled={creating} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="share-create">
              {creating ? t("creating") : t("create")}
            </button>
          </form>
        ) : (
          <p className="text-sm text-slate-600">{t("viewerNote")}</p>
        )}
        {created ? (
          <div className="rounded-lg border border-green-200 bg-green-50 p-3" data-testid="share-created">
            <label htmlFor={`${titleId}-url`} className="text-sm font-medium text-green-900">{t("createdLabel")}</label>
            <div className="mt-1 flex gap-2">
              <input id={`${titleId}-url`} readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs" data-testid="share-url" />
              <button type="button" onClick={() => void copy()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" data-testid="share-copy">
                {copied ? t("copied") : t("copy")}
              </button>
            </div>
            <p className="mt-1 text-xs text-green-900">{t("onceNote")}</p>
          </div>
        ) : null}
        <section>
          <h3 className="text-sm font-semibold text-slate-900">{t("activeLinks")}</h3>
          {listError ? <p role="alert" className="mt-1 text-sm text-red-700">{listError}</p> : null}
          {links === null ? (
            <p className="mt-1 text-sm text-slate-500" aria-busy="true">{t("loading")}</p>
          ) : links.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600" data-testid="share-no-links">{t("noLinks")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="share-links">
              {links.map((l) => (
                <li key={l.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm" data-testid="share-link">
                  <div className="min-w-0 flex-1">
                    <p className="text-slate-900">
                      {t("createdBy", { name: l.createdByName ?? "—", when: when(l.createdAt) })}
                      {l.hasPassword ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">🔒 {t("protected")}</span> : null}
                      {l.showNames ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{t("namesShown")}</span> : null}
                    </p>
                    <p className="text-xs text-slate-600">
                      {l.expiresAt ? t("expiresAt", { when: when(l.expiresAt) }) : t("neverExpires")} · <span data-testid="share-opens">{t("opens", { count: l.openCount })}</span>
                    </p>
                  </div>
                  {canEdit ? (
                    confirmRevoke === l.id ? (
                      <span className="flex items-center gap-1">
                        <button type="button" onClick={() => void revoke(l.id)} className="rounded-md bg-red-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-700" data-testid="share-revoke-confirm">{t("revokeConfirm")}</button>
                        <button type="button" onClick={() => setConfirmRevoke(null)} className="rounded-md px-2 py-1 text-xs hover:bg-slate-100">{t("cancel")}</button>
                      </span>
                    ) : (
                      <button type="button" onClick={() => setConfirmRevoke(l.id)} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs text-red-700 hover:bg-red-50" data-testid="share-revoke">{t("revoke")}</button>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </ModalDialog>
  );
}
