"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { createInvitationAction } from "@/lib/actions/members/create-invitation";
import { canAssignRole, ROLES } from "@/lib/auth/policy";
import type { Role } from "@/db/schema";
import { CopyField } from "./copy-field";

type Props = { workspace: string; myRole: Role; departments: { id: string; name: string }[] };

export function InviteForm({ workspace, myRole, departments }: Props) {
  const t = useTranslations("members");
  const tc = useTranslations("common");
  const ts = useTranslations("security");
  const [anyoneWithLink, setAnyoneWithLink] = useState(false);
  const format = useFormatter();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [departmentId, setDepartmentId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ link: string; email: string; expiresAt: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldMessage = (code?: string) => (code ? (t.has(code as "email_invalid") ? t(code as "email_invalid") : code) : undefined);
  const roles = ROLES.filter((r) => canAssignRole(myRole, null, r));
  const roleId = useId();
  const departmentId_ = useId();

  return (
    <div className="space-y-4">
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start"
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          startTransition(async () => {
            const result = await createInvitationAction({ workspace, email, role, departmentId: departmentId || null, anyoneWithLink });
            if (result.ok) {
              // The origin the user is on is the one the invitee can reach.
              setCreated({ ...result.data, link: `${window.location.origin}/invite/${result.data.token}` });
              setEmail("");
              router.refresh();
            } else {
              setErrors(result.error.fields ?? { _: result.error.message });
            }
          });
        }}
      >
        <Field label={t("inviteEmail")} name="email" type="email" value={email} maxLength={254} required placeholder={t("inviteEmailPlaceholder")} error={fieldMessage(errors.email)} onChange={(e) => setEmail(e.target.value)} />
        <div>
          <label htmlFor={roleId} className="mb-1 block text-sm font-medium text-slate-700">{t("role")}</label>
          <select id={roleId} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={inputClass}>
            {roles.map((r) => <option key={r} value={r}>{tc(`roles.${r}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={departmentId_} className="mb-1 block text-sm font-medium text-slate-700">{t("department")}</label>
          <select id={departmentId_} name="departmentId" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} className={inputClass}>
            <option value="">{t("noDepartment")}</option>
            {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </div>
        <Button type="submit" disabled={pending} className="sm:mt-6">{pending ? t("inviting") : t("invite")}</Button>
        <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-4">
          <input type="checkbox" name="anyoneWithLink" checked={anyoneWithLink} onChange={(e) => setAnyoneWithLink(e.target.checked)} />
          {ts("anyoneWithLink")}
        </label>
      </form>
      {errors._ ? <p role="alert" className="text-sm text-red-600">{errors._}</p> : null}
      {created ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4" data-testid="invitation-created">
          <p className="mb-3 text-sm text-emerald-900">
            {t("inviteCreated", { email: created.email, date: format.dateTime(new Date(created.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
          <CopyField label={t("inviteLink")} value={created.link} testId="invitation-link" />
          <p className="mt-2 text-xs text-emerald-900">{t("inviteLinkOnce")}</p>
        </div>
      ) : null}
    </div>
  );
}
