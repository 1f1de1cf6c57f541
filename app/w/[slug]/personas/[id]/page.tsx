// One persona: the live sheet (co-edited), its journeys' emotion curves side by side.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findPersona, listPersonaMaps } from "@/db/queries/personas";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { PersonaActions } from "@/components/persona/persona-actions";
import { PersonaMapCurves } from "@/components/persona/persona-map-curves";
import { PersonaSheet } from "@/components/persona/persona-sheet";
import { RevealTarget } from "@/components/search/reveal-target";
import { ShareButton } from "@/components/sharing/share-dialog";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  if (!UUID.test(id)) return {};
  const { access, db } = await requireWorkspaceAccess(slug);
  const persona = await findPersona(db, access.workspaceId, id);
  return persona ? { title: persona.name } : {};
}

export default async function PersonaPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  if (!UUID.test(id)) notFound();
  const { user, access, db } = await requireWorkspaceAccess(slug);
  const persona = await findPersona(db, access.workspaceId, id.toLowerCase());
  if (!persona) notFound();
  const t = await getTranslations("personas");
  const canEdit = can(access.role, "edit");
  const maps = await listPersonaMaps(db, access.workspaceId, persona.id);

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 print:max-w-none print:p-0">
      <Link href={`/w/${slug}/personas`} className="no-print text-sm text-brand-700 hover:underline">← {t("back")}</Link>
      <div className="mt-3">
        <RevealTarget attribute="data-section" />
        <PersonaSheet
          personaId={persona.id}
          canEdit={canEdit}
          me={{ id: user.userId, name: user.name ?? user.email }}
          avatarUrl={persona.hasAvatarImage ? `/api/v1/personas/${persona.id}/avatar?v=${persona.updatedAt.getTime()}` : null}
          discuss={{ workspace: slug, isAdmin: can(access.role, "manage_members") }}
          actions={
            <>
              <ShareButton workspaceSlug={slug} kind="persona" docId={persona.id} canEdit={canEdit} />
              {canEdit ? <PersonaActions slug={slug} persona={{ id: persona.id, name: persona.name, archived: persona.archivedAt !== null }} afterDelete="gallery" /> : null}
            </>
          }
        />
      </div>
      <section className="mt-8 break-before-page" aria-labelledby="persona-maps-title">
        <h2 id="persona-maps-title" className="mb-3 text-base font-semibold text-slate-900">{t("sections.maps")}</h2>
        <PersonaMapCurves
          slug={slug}
          maps={maps.map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString() }))}
        />
      </section>
    </div>
  );
}
