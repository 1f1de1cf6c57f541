// A saved version of a map, read-only in the editor's layout (history → "View"). Members only;
// another workspace's map or version answers 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import * as Y from "yjs";
import { z } from "zod";
import { findMapForEditor } from "@/db/queries/map-editor";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { AppError } from "@/lib/errors";
import { loadMapVersion } from "@/lib/maps/map-versions";
import { VersionView } from "@/components/map/version-view";

type Params = { params: Promise<{ slug: string; id: string; versionId: string }> };

async function load(slug: string, id: string, versionId: string) {
  const mapId = z.uuid().safeParse(id);
  const vId = z.uuid().safeParse(versionId);
  if (!mapId.success || !vId.success) notFound();
  const { access, db } = await requireWorkspaceAccess(slug);
  const map = await findMapForEditor(db, access.workspaceId, mapId.data.toLowerCase());
  if (!map) notFound();
  try {
    const { version, doc } = await loadMapVersion(db, { workspaceId: access.workspaceId, mapId: map.id, versionId: vId.data });
    const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");
    doc.destroy();
    return { access, map, version, state };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, id, versionId } = await params;
  const { map, version } = await load(slug, id, versionId);
  return { title: `${map.title} · ${version.label}` };
}

export default async function MapVersionPage({ params }: Params) {
  const { slug, id, versionId } = await params;
  const { access, map, version, state } = await load(slug, id, versionId);
  return <VersionView workspaceSlug={access.slug} mapId={map.id} state={state} version={{ ...version, createdAt: version.createdAt.toISOString() }} />;
}
