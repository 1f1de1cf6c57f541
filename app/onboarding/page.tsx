import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listUserWorkspaces } from "@/db/queries/memberships";
import { listJoinableWorkspaces } from "@/db/queries/workspaces";
import { requireUser } from "@/lib/auth/page-access";
import { CreateWorkspaceForm } from "@/components/shell/create-workspace-form";
import { JoinWorkspaceButton } from "@/components/members/join-workspace-button";
import { LanguageSwitch } from "@/components/ui/language-switch";

export async function generateMetadata() {
  const t = await getTranslations("workspace");
  return { title: t("createTitle") };
}

export default async function OnboardingPage() {
  const user = await requireUser();
  const t = await getTranslations("workspace");
  const tm = await getTranslations("members");
  const db = await getDb();
  const [mine, joinable] = await Promise.all([listUserWorkspaces(db, user.userId), listJoinableWorkspaces(db, user.userId)]);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-4 flex justify-end"><LanguageSwitch /></div>
      {joinable.length ? (
        <section className="mb-6 rounded-xl border border-brand-100 bg-white p-6 shadow-sm" data-testid="joinable-workspaces">
          <h2 className="text-lg font-semibold">{t("joinableTitle")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("joinableText")} {tm("joinAsViewer")}</p>
          <ul className="divide-y divide-slate-100">
            {joinable.map((w) => (
              <li key={w.slug} className="flex items-center justify-between gap-3 py-2">
                <span className="font-medium text-slate-900">{w.name}</span>
                <JoinWorkspaceButton slug={w.slug} name={w.name} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">{t("createTitle")}</h1>
        <p className="mb-5 mt-1 text-sm text-slate-600">{t("createSubtitle")}</p>
        <CreateWorkspaceForm />
      </div>
      {mine.length ? (
        <div className="mt-6">
          <h2 className="mb-2 text-sm font-medium text-slate-700">{t("yourWorkspaces")}</h2>
          <ul className="space-y-1">
            {mine.map((w) => (
              <li key={w.slug}><Link className="text-brand-600 hover:underline" href={`/w/${w.slug}`}>{w.name}</Link></li>
            ))}
          </ul>
        </div>
      ) : null}
    </main>
  );
}
