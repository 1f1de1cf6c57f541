// The map editor: the map's row is loaded here (404 for another workspace's or a deleted map);
// the content itself arrives live over /collab in the client.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listDepartments } from "@/db/queries/departments";
import { findMapForEditor, listPersonaOptions } from "@/db/queries/map-editor";
import { listMembers } from "@/db/queries/memberships";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/policy";
import { MapEditor } from "@/components/map/map-editor";
import { listVocabulary } from "@/lib/vocabularies/list-vocabulary";
import { recordMapVisit } from "@/lib/activity/map-visits";
import { findMapPair } from "@/lib/maps/future-state/pairs";

type Params = { params: Promise<{ slug: string; id: string }> };

const FALLBACK_COLOR = "#64748b";

async function load(slug: string, id: string) {
  const mapId = z.uuid().safeParse(id);
  if (!mapId.success) notFound();
  const { user, access, db } = await requireWorkspaceAccess(slug);
  const map = await findMapForEditor(db, access.workspaceId, mapId.data.toLowerCase());
  if (!map) notFound();
  return { user, access, db, map };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, id } = await params;
  const { map } = await load(slug, id);
  return { title: map.title };
}

export default async function MapEditorPage({ params }: Params) {
  const { slug, id } = await params;
  const { user, access, db, map } = await load(slug, id);
  const [departments, personas, members, changedTouchpoints, pair, vocabulary] = await Promise.all([
    listDepartments(db, access.workspaceId),
    listPersonaOptions(db, access.workspaceId),
    listMembers(db, access.workspaceId),
    // "Changed since your last visit" (and this visit is recorded).
    recordMapVisit(db, { workspaceId: access.workspaceId, mapId: map.id, userId: user.userId }),
    // The current ⇄ future pair this map belongs to (issue 13), for the link in the top bar.
    findMapPair(db, access.workspaceId, map.id),
    listVocabulary(db, access.workspaceId),
  ]);
  const myDepartment = departments.find((d) => d.id === access.departmentId) ?? null;
  const people = [...new Set(members.map((m) => m.name ?? m.email.split("@")[0]))].sort((a, b) => a.localeCompare(b));
  return (
    <MapEditor
      mapId={map.id}
      workspaceSlug={access.slug}
      initialTitle={map.title}
      canEdit={can(access.role, "edit")}
      me={{ id: user.userId, name: user.name ?? user.email, color: myDepartment?.color ?? FALLBACK_COLOR, department: myDepartment?.name ?? null }}
      departments={departments.map((d) => ({ id: d.id, name: d.name, color: d.color }))}
      personas={personas}
      people={people}
      pair={pair ? { role: pair.role, pairedMapId: pair.pairedMapId, pairedMapTitle: pair.pairedMapTitle } : null}
      vocabulary={vocabulary.map(({ kind, term, synonyms }) => ({ kind, term, synonyms }))}
      discuss={{
        members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.email })),
        isAdmin: can(access.role, "manage_members"),
        changedTouchpoints,
      }}
    />
  );
}
