// The maps of a workspace: search and filters (in the URL), grid or list, "New map" with the
// template picker, rename/duplicate/delete and "Recently deleted" for editors.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listDepartments } from "@/db/queries/departments";
import { listPersonaOptions } from "@/db/queries/map-editor";
import { listDeletedMaps, listMapOwnerDepartments, listMaps } from "@/db/queries/maps";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { listMapTemplates } from "@/lib/maps/map-templates";
import { templatePreviews } from "@/lib/maps/templates";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { MapCollection } from "@/components/maps/map-collection";
import { MapsToolbar } from "@/components/maps/maps-toolbar";
import { NewMapButton } from "@/components/maps/new-map-button";
import { RecentlyDeleted } from "@/components/maps/recently-deleted";

export async function generateMetadata() {
  const t = await getTranslations("maps");
  return { title: t("title") };
}


type Search = { q?: string; persona?: string; state?: string; department?: string; since?: string; view?: string };

export default async function MapsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const query = await searchParams;
  const { access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("maps");
  const locale = (await getLocale()) === "de" ? "de" : "en";
  const canEdit = can(access.role, "edit");
  const one = (v: unknown) => (typeof v === "string" ? v : undefined);
  const since = one(query.since) && /^\d{4}-\d{2}-\d{2}$/.test(query.since!) ? new Date(`${query.since}T00:00:00`) : undefined;
  const state = query.state === "current" || query.state === "future" ? (query.state as "current" | "future") : undefined;
  const filters = { q: one(query.q)?.slice(0, 200), personaId: one(query.persona), state, ownerDepartment: one(query.department), since };
  const filtered = Boolean(filters.q || filters.personaId || state || filters.ownerDepartment || since);

  const [maps, personas, departments, usedDepartments, deleted] = await Promise.all([
    listMaps(db, access.workspaceId, filters),
    listPersonaOptions(db, access.workspaceId),
    listDepartments(db, access.workspaceId),
    listMapOwnerDepartments(db, access.workspaceId),
    canEdit ? listDeletedMaps(db, access.workspaceId) : Promise.resolve([]),
  ]);
  const templates = canEdit ? templatePreviews(locale) : [];
  const workspaceTemplates = canEdit ? await listMapTemplates(db, access.workspaceId) : [];
  const canManageTemplates = can(access.role, "manage_workspace");
  const now = new Date().toISOString();
  const departmentNames = [...new Set([...departments.map((d) => d.name), ...usedDepartments])];
  const view = query.view === "list" ? "list" : "grid";

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <NewMapButton slug={slug} templates={templates} workspaceTemplates={workspaceTemplates} canManageTemplates={canManageTemplates} openFromUrl /> : null} />
      {maps.length > 0 || filtered ? (
        <>
          <MapsToolbar options={{ personas: personas.map((p) => ({ id: p.id, name: p.name })), departments: departmentNames }} />
          <p className="mb-3 text-sm text-slate-600" aria-live="polite">{t("count", { count: maps.length })}</p>
        </>
      ) : null}
      <MapCollection
        slug={slug}
        canEdit={canEdit}
        view={view}
        now={now}
        options={{ personas: personas.map((p) => ({ id: p.id, name: p.name })), departments: departments.map((d) => d.name) }}
        empty={
          filtered ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
              <p className="text-sm text-slate-600">{t("empty.noMatches")}</p>
              <Link href={`/w/${slug}/maps${view === "list" ? "?view=list" : ""}`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">{t("empty.clear")}</Link>
            </div>
          ) : (
            <EmptyState
              title={t("empty.title")}
              description={canEdit ? t("empty.text") : t("empty.viewerText")}
              action={canEdit ? <NewMapButton slug={slug} templates={templates} workspaceTemplates={workspaceTemplates} canManageTemplates={canManageTemplates} /> : null}
            />
          )
        }
        maps={maps.map((m) => ({
          id: m.id,
          title: m.title,
          state: m.state,
          cyclic: m.cyclic,
          ownerDepartment: m.ownerDepartment,
          touchpointCount: m.touchpointCount,
          emotionCurve: m.emotionCurve,
          updatedAt: m.updatedAt.toISOString(),
          personas: m.personas.map((p) => ({
            id: p.id,
            name: p.name,
            avatarColor: p.avatarColor,
            avatarUrl: p.hasAvatarImage ? `/api/v1/personas/${p.id}/avatar?v=${p.updatedAt.getTime()}` : null,
          })),
        }))}
      />
      {canEdit && deleted.length > 0 ? (
        <RecentlyDeleted
          slug={slug}
          now={now}
          maps={deleted.map((d) => ({ id: d.id, title: d.title, deletedAt: d.deletedAt.toISOString(), restorableUntil: d.restorableUntil.toISOString() }))}
        />
      ) : null}
    </div>
  );
}
