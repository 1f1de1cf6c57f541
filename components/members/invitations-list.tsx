"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { revokeInvitationAction } from "@/lib/actions/members/revoke-invitation";
import type { Role } from "@/db/schema";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type InvitationRow = {
  id: string;
  email: string;
  role: Role;
  departmentName: string | null;
  expiresAt: string;
  invitedBy: string | null;
};

export function InvitationsList({ workspace, invitations }: { workspace: string; invitations: InvitationRow[] }) {
  const t = useTranslations("members");
  const tc = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const [revoking, setRevoking] = useState<InvitationRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!invitations.length) return <p className="text-sm text-slate-500">{t("noPendingInvitations")}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="pending-invitations">
        {invitations.map((inv) => (
          <li key={inv.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
            <div className="min-w-0 flex-1">
              <div className="truncate font-medium text-slate-900">{inv.email}</div>
              <div className="text-xs text-slate-500">
                {tc(`roles.${inv.role}`)}
                {inv.departmentName ? ` · ${inv.departmentName}` : ""}
                {inv.invitedBy ? ` · ${t("invitedBy", { name: inv.invitedBy })}` : ""}
              </div>
            </div>
            <div className="text-xs text-slate-500">
              {t("expires", { date: format.dateTime(new Date(inv.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}
            </div>
            <Button variant="ghost" size="sm" className="text-red-700! hover:bg-red-50" onClick={() => { setError(null); setRevoking(inv); }}>
              {t("revoke")}<span className="sr-only"> {inv.email}</span>
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        title={t("revokeTitle")}
        description={t("revokeText", { email: revoking?.email ?? "" })}
        confirmLabel={t("revoke")}
        pending={pending}
        error={error}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          startTransition(async () => {
            if (!revoking) return;
            const result = await revokeInvitationAction({ workspace, invitationId: revoking.id });
            if (!result.ok) return setError(result.error.message);
            setRevoking(null);
            router.refresh();
          })
        }
      />
    </>
  );
}
