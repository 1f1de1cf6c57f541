"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/members/copy-field";
import { createAccessTokenAction } from "@/lib/actions/account/create-access-token";
import { revokeAccessTokenAction } from "@/lib/actions/account/revoke-access-token";

export type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null };

const EXPIRY = ["30", "90", "365"] as const;

export function AccessTokens({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations("account");
  const format = useFormatter();
  const router = useRouter();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<(typeof EXPIRY)[number]>("90");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<TokenRow | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  // Read once: a clock read during render would differ between server and client renders.
  const [now] = useState(() => Date.now());
  const expiryId = useId();
  const scopeId = useId();
  const ts = useTranslations("security");
  const [scope, setScope] = useState<"read" | "read_write">("read");

  return (
    <div className="space-y-5">
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          startTransition(async () => {
            const result = await createAccessTokenAction({ name, expiresInDays: Number(expiry) as 30 | 90 | 365, scope });
            if (result.ok) {
              setCreated({ name: result.data.name, token: result.data.token });
              setName("");
              router.refresh();
            } else {
              const code = result.error.fields?.name;
              setError(code && t.has(code as "token_name_required") ? t(code as "token_name_required") : result.error.message);
            }
          });
        }}
      >
        <Field label={t("tokenName")} name="tokenName" value={name} maxLength={80} placeholder={t("tokenNamePlaceholder")} error={error ?? undefined} onChange={(e) => setName(e.target.value)} />
        <div>
          <label htmlFor={expiryId} className="mb-1 block text-sm font-medium text-slate-700">{t("tokenExpiry")}</label>
          <select id={expiryId} value={expiry} onChange={(e) => setExpiry(e.target.value as typeof expiry)} className={inputClass}>
            {EXPIRY.map((v) => <option key={v} value={v}>{t("expiryDays", { days: Number(v) })}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={scopeId} className="mb-1 block text-sm font-medium text-slate-700">{ts("tokenScope")}</label>
          <select id={scopeId} value={scope} onChange={(e) => setScope(e.target.value as "read" | "read_write")} className={inputClass}>
            <option value="read">{ts("scopeRead")}</option>
            <option value="read_write">{ts("scopeReadWrite")}</option>
          </select>
        </div>
        <Button type="submit" disabled={pending} className="sm:mt-6">{pending ? t("creatingToken") : t("createToken")}</Button>
      </form>
      {created ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4" data-testid="token-created">
          <p className="mb-3 text-sm text-emerald-900">{t("tokenCreated", { name: created.name })}</p>
          <CopyField label={t("tokenValue")} value={created.token} testId="token-value" />
          <p className="mt-2 text-xs text-emerald-900">{t("tokenOnce")}</p>
        </div>
      ) : null}
      {tokens.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="tokens-table">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">{t("tokenName")}</th>
                <th scope="col" className="px-3 py-2">{t("tokenPrefix")}</th>
                <th scope="col" className="hidden px-3 py-2 md:table-cell">{t("tokenCreatedAt")}</th>
                <th scope="col" className="px-3 py-2">{t("tokenLastUsed")}</th>
                <th scope="col" className="px-3 py-2">{t("tokenExpires")}</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">{t("actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((tok) => {
                const expired = tok.expiresAt !== null && new Date(tok.expiresAt).getTime() <= now;
                return (
                  <tr key={tok.id}>
                    <td className="px-3 py-2 font-medium text-slate-900">{tok.name}</td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-600">{tok.prefix}…</td>
                    <td className="hidden px-3 py-2 text-slate-600 md:table-cell">{date(tok.createdAt)}</td>
                    <td className="px-3 py-2 text-slate-600">{tok.lastUsedAt ? date(tok.lastUsedAt) : t("neverUsed")}</td>
                    <td className="px-3 py-2">
                      {tok.expiresAt === null ? (
                        <span className="text-slate-600">{t("expiryNever")}</span>
                      ) : expired ? (
                        <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">{t("expiredOn", { date: date(tok.expiresAt) })}</span>
                      ) : (
                        <span className="text-slate-600">{date(tok.expiresAt)}</span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Button variant="ghost" size="sm" className="text-red-700! hover:bg-red-50" onClick={() => { setRevokeError(null); setRevoking(tok); }}>
                        {t("revoke")}<span className="sr-only"> {tok.name}</span>
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("noTokens")}</p>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t("revokeTitle", { name: revoking?.name ?? "" })}
        description={t("revokeText")}
        confirmLabel={t("revoke")}
        pending={pending}
        error={revokeError}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          startTransition(async () => {
            if (!revoking) return;
            const result = await revokeAccessTokenAction({ tokenId: revoking.id });
            if (!result.ok) return setRevokeError(result.error.message);
            if (created && revoking) setCreated(null);
            setRevoking(null);
            router.refresh();
          })
        }
      />
    </div>
  );
}
