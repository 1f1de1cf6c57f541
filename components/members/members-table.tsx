"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { changeMemberDepartmentAction } from "@/lib/actions/members/change-member-department";
import { changeMemberRoleAction } from "@/lib/actions/members/change-member-role";
import { leaveWorkspaceAction } from "@/lib/actions/members/leave-workspace";
import { removeMemberAction } from "@/lib/actions/members/remove-member";
import { can, canAssignRole, ROLES } from "@/lib/auth/policy";
import type { Role } from "@/db/schema";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { readableTextColor } from "@/components/ui/readable-text-color";

export type MemberRow = {
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  joinedAt: string;
};

type Props = {
  workspace: string;
  myUserId: string;
  myRole: Role;
  members: MemberRow[];
  departments: { id: string; name: string; color: string }[];
};

const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 disabled:bg-slate-50 disabled:text-slate-500";

export function MembersTable({ workspace, myUserId, myRole, members, departments }: Props) {
  const t = useTranslations("members");
  const tc = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const canManage = can(myRole, "manage_members");
  const colorOf = new Map(departments.map((d) => [d.id, d.color]));

  const run = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setError(null);
    startTransition(async () => {
      const result = await fn();
      if (!result.ok) setError(result.error!.message);
      router.refresh();
    });
  };

  const confirmRemove = () => {
    if (!removing) return;
    const self = removing.userId === myUserId;
    setRemoveError(null);
    startTransition(async () => {
      const result = self ? await leaveWorkspaceAction({ workspace, leave: true }) : await removeMemberAction({ workspace, userId: removing.userId });
      if (!result.ok) {
        setRemoveError(result.error.message);
        return;
      }
      setRemoving(null);
      if (self) router.push("/");
      else router.refresh();
    });
  };

  return (
    <>
      {error ? <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="members-table">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3">{t("member")}</th>
              <th scope="col" className="px-4 py-3">{t("role")}</th>
              <th scope="col" className="px-4 py-3">{t("department")}</th>
              <th scope="col" className="hidden px-4 py-3 md:table-cell">{t("joined")}</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => {
              const self = m.userId === myUserId;
              const assignable = ROLES.filter((r) => r === m.role || canAssignRole(myRole, m.role, r));
              const roleEditable = canManage && assignable.length > 1;
              const removable = self || (canManage && canAssignRole(myRole, m.role, m.role));
              const label = m.name ?? m.email;
              return (
                <tr key={m.userId} data-testid={`member-${m.email}`}>
                  <td className="px-4 py-3">
                    <div className="flex items-center gap-3">
                      <span aria-hidden className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold text-white" style={{ backgroundColor: (m.departmentId && colorOf.get(m.departmentId)) || "#64748b", color: readableTextColor((m.departmentId && colorOf.get(m.departmentId)) || "#64748b") }}>
                        {label.slice(0, 1).toUpperCase()}
                      </span>
                      <div className="min-w-0">
                        <div className="truncate font-medium text-slate-900">
                          {m.name ?? m.email} {self ? <span className="text-xs font-normal text-slate-500">({t("you")})</span> : null}
                        </div>
                        <div className="truncate text-xs text-slate-500">{m.email}</div>
                      </div>
                    </div>
                  </td>
                  <td className="px-4 py-3">
                    {roleEditable ? (
                      <select
                        aria-label={t("roleOf", { name: label })}
                        className={selectClass}
                        value={m.role}
                        disabled={pending}
                        onChange={(e) => run(() => changeMemberRoleAction({ workspace, userId: m.userId, role: e.target.value as Role }))}
                      >
                        {assignable.map((r) => <option key={r} value={r}>{tc(`roles.${r}`)}</option>)}
                      </select>
                    ) : (
                      <span className="inline-block rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{tc(`roles.${m.role}`)}</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    {canManage ? (
                      <select
                        aria-label={t("departmentOf", { name: label })}
                        className={selectClass}
                        value={m.departmentId ?? ""}
                        disabled={pending}
                        onChange={(e) => run(() => changeMemberDepartmentAction({ workspace, userId: m.userId, departmentId: e.target.value || null }))}
                      >
                        <option value="">{t("noDepartment")}</option>
                        {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                      </select>
                    ) : (
                      <span className="text-slate-700">{m.departmentName ?? <span className="text-slate-400">{t("noDepartment")}</span>}</span>
                    )}
                  </td>
                  <td className="hidden px-4 py-3 text-slate-500 md:table-cell">{format.dateTime(new Date(m.joinedAt), { dateStyle: "medium" })}</td>
                  <td className="px-4 py-3 text-right">
                    {removable ? (
                      <Button variant="ghost" size="sm" className="text-red-700! hover:bg-red-50" onClick={() => { setRemoveError(null); setRemoving(m); }}>
                        {self ? t("leave") : t("remove")}
                        <span className="sr-only"> {label}</span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={removing?.userId === myUserId ? t("leaveTitle") : t("removeTitle", { name: removing?.name ?? removing?.email ?? "" })}
        description={removing?.userId === myUserId ? t("leaveText") : t("removeText", { name: removing?.name ?? removing?.email ?? "" })}
        confirmLabel={removing?.userId === myUserId ? t("leave") : t("remove")}
        pending={pending}
        error={removeError}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
