// Workspace vocabularies (issue 13): the channel and device terms the workspace agrees on, with
// synonyms; admins and owners change them, everyone else reads them.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { listVocabulary } from "@/lib/vocabularies/list-vocabulary";
import { SUGGESTED_VOCABULARY } from "@/lib/vocabularies/suggestions";
import { Card, PageHeader } from "@/components/ui/card";
import { VocabularyEditor } from "@/components/settings/vocabulary-editor";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("vocab.settings");
  return { title: t("title") };
}

export default async function VocabulariesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("vocab.settings");
  const locale = (await getLocale()) === "de" ? "de" : "en";
  const editable = can(access.role, "manage_workspace");
  const terms = await listVocabulary(db, access.workspaceId);
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
      <p className="text-sm">
        <Link href={`/w/${access.slug}/settings`} className="font-medium text-brand-600 hover:underline">← {t("back")}</Link>
      </p>
      <PageHeader title={t("title")} description={editable ? t("description") : t("readOnlyDescription")} />
      {(["channel", "device"] as const).map((kind) => (
        <Card key={kind} className="p-5">
          <h2 className="text-base font-semibold text-slate-900" id={`vocab-${kind}`}>{t(`${kind}s`)}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t(`${kind}sText`)}</p>
          <VocabularyEditor
            workspace={access.slug}
            kind={kind}
            editable={editable}
            locale={locale}
            suggestionCount={SUGGESTED_VOCABULARY[kind][locale].length}
            terms={terms.filter((x) => x.kind === kind).map(({ id, term, synonyms }) => ({ id, term, synonyms }))}
          />
        </Card>
      ))}
    </div>
  );
}
