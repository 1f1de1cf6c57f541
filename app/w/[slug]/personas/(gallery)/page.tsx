// The persona library: gallery, create, and the personas × processes coverage matrix.
import { getTranslations } from "next-intl/server";
import { findDeletedPersona, listPersonaCoverage, listPersonas, listUnlinkedMapTitles } from "@/db/queries/personas";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CoverageMatrix } from "@/components/persona/coverage-matrix";
import { CreatePersonaButton } from "@/components/persona/create-persona-button";
import { DeletedPersonaToast } from "@/components/persona/persona-actions";
import { PersonaGallery } from "@/components/persona/persona-gallery";

export async function generateMetadata() {
  const t = await getTranslations("personas");
  return { title: t("title") };
}

export default async function PersonasPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ archived?: string; deleted?: string }> }) {
  const { slug } = await params;
  const query = await searchParams;
  const { access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("personas");
  const canEdit = can(access.role, "edit");
  const showArchived = query.archived === "1";
  const [list, all, cells, unlinkedTitles] = await Promise.all([
    listPersonas(db, access.workspaceId, { includeArchived: showArchived }),
    listPersonas(db, access.workspaceId),
    listPersonaCoverage(db, access.workspaceId),
    listUnlinkedMapTitles(db, access.workspaceId),
  ]);
  // Arriving from a sheet whose persona was just deleted: offer undo.
  const deleted = query.deleted && /^[0-9a-f-]{36}$/i.test(query.deleted) && canEdit ? await findDeletedPersona(db, access.workspaceId, query.deleted) : null;
  const avatarUrl = (p: { id: string; hasAvatarImage: boolean; updatedAt: Date }) => (p.hasAvatarImage ? `/api/v1/personas/${p.id}/avatar?v=${p.updatedAt.getTime()}` : null);

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <CreatePersonaButton slug={slug} /> : null} />
      {list.length === 0 && !showArchived ? (
        <EmptyState title={t("emptyTitle")} description={canEdit ? t("emptyText") : t("emptyViewerText")} action={canEdit ? <CreatePersonaButton slug={slug} /> : null} />
      ) : (
        <PersonaGallery
          slug={slug}
          showArchived={showArchived}
          personas={list.map((p) => ({ id: p.id, name: p.name, segment: p.segment, quote: p.quote, avatarColor: p.avatarColor, avatarUrl: avatarUrl(p), archived: p.archivedAt !== null, mapCount: p.mapCount }))}
        />
      )}
      {all.length > 0 ? (
        <section className="mt-10" aria-labelledby="coverage-title">
          <h2 id="coverage-title" className="text-base font-semibold text-slate-900">{t("sections.coverage")}</h2>
          <p className="mb-3 mt-1 text-sm text-slate-600">{t("coverage.description")}</p>
          <CoverageMatrix
            slug={slug}
            data={{
              personas: all.map((p) => ({ id: p.id, name: p.name, segment: p.segment, avatarColor: p.avatarColor, avatarUrl: avatarUrl(p) })),
              cells: cells.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
              unlinkedTitles,
            }}
          />
        </section>
      ) : null}
      {deleted ? <DeletedPersonaToast slug={slug} personaId={deleted.id} name={deleted.name} /> : null}
    </div>
  );
}
