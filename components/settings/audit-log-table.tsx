// The audit log: who did what to whom, when and from where. Server component (no interaction).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

export type AuditRow = {
  id: number;
  action: string;
  createdAt: Date;
  ip: string | null;
  actor: string | null;
  target: string | null;
  metadata: Record<string, unknown>;
};

export async function AuditLogTable({ rows, page, hasMore, basePath }: { rows: AuditRow[]; page: number; hasMore: boolean; basePath: string }) {
  const t = await getTranslations("settings");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const actionLabel = (action: string) => {
    const key = `auditActions.${action.replace(/\./g, "_")}`;
    return t.has(key as "auditActions.auth_sign_in") ? t(key as "auditActions.auth_sign_in") : action;
  };
  const role = (value: unknown) => (typeof value === "string" && ["owner", "admin", "editor", "viewer"].includes(value) ? tc(`roles.${value as "owner"}`) : null);
  const details = (row: AuditRow) => {
    const m = row.metadata;
    if (row.action === "member.role_changed" && role(m.from) && role(m.to)) return t("auditRoleChange", { from: role(m.from)!, to: role(m.to)! });
    if ((row.action === "workspace.renamed" || row.action === "department.renamed") && typeof m.to === "string") return t("auditRenamed", { to: m.to });
    if (row.action === "member.joined" && role(m.role)) return t(m.via === "domain" ? "auditJoinedDomain" : "auditJoinedInvitation", { role: role(m.role)! });
    if (row.action === "member.invited" && role(m.role)) return role(m.role);
    if (row.action === "workspace.join_domain_changed") return typeof m.to === "string" ? `@${m.to}` : t("joinDomainOff");
    if (row.action === "auth.sign_in" && typeof m.provider === "string") return m.provider === "credentials" ? t("auditPassword") : t("auditSso");
    return null;
  };
  const targetOf = (row: AuditRow) => {
    const m = row.metadata;
    return row.target ?? (typeof m.email === "string" ? m.email : typeof m.name === "string" ? m.name : null);
  };

  if (!rows.length && page === 1) return <p className="text-sm text-slate-500">{t("auditEmpty")}</p>;
  return (
    <div>
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-log">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">{t("auditTime")}</th>
              <th scope="col" className="px-3 py-2">{t("auditActor")}</th>
              <th scope="col" className="px-3 py-2">{t("auditAction")}</th>
              <th scope="col" className="px-3 py-2">{t("auditTarget")}</th>
              <th scope="col" className="px-3 py-2">{t("auditIp")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const extra = details(row);
              return (
                <tr key={row.id}>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                    <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
                  </td>
                  <td className="px-3 py-2 text-slate-800">{row.actor ?? <span className="text-slate-400">{t("auditSystem")}</span>}</td>
                  <td className="px-3 py-2">
                    <span className="font-medium text-slate-900">{actionLabel(row.action)}</span>
                    {extra ? <span className="block text-xs text-slate-500">{extra}</span> : null}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{targetOf(row) ?? "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-500">{row.ip ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("auditPagination")} className="mt-3 flex items-center justify-between text-sm">
        {page > 1 ? <Link className="font-medium text-brand-600 hover:underline" href={`${basePath}?page=${page - 1}#audit`}>← {t("auditNewer")}</Link> : <span />}
        <span className="text-slate-500">{t("auditPage", { page })}</span>
        {hasMore ? <Link className="font-medium text-brand-600 hover:underline" href={`${basePath}?page=${page + 1}#audit`}>{t("auditOlder")} →</Link> : <span />}
      </nav>
    </div>
  );
}
