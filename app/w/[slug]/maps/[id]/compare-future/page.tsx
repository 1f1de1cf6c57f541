// Side-by-side view of a current ⇄ future pair (issue 13), reachable from either map. Members only
// (viewers read); another workspace's or a deleted map answers 404; an unpaired map says so.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { findMap } from "@/db/queries/maps";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { loadPairComparison } from "@/lib/maps/future-state/load-pair-comparison";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PairComparisonView } from "@/components/future-state/pair-comparison-view";

type Params = { params: Promise<{ slug: string; id: string }> };

async function load(slug: string, id: string) {
  const mapId = z.uuid().safeParse(id);
  if (!mapId.success) notFound();
  const { access, db } = await requireWorkspaceAccess(slug);
  const map = await findMap(db, access.workspaceId, mapId.data.toLowerCase());
  if (!map) notFound();
  const pair = await loadPairComparison(db, access.workspaceId, map.id);
  return { access, map, pair };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, id } = await params;
  const { map } = await load(slug, id);
  const t = await getTranslations("pair");
  return { title: t("pageTitle", { title: map.title }) };
}

export default async function CompareFuturePage({ params }: Params) {
  const { slug, id } = await params;
  const { access, map, pair } = await load(slug, id);
  const t = await getTranslations("pair");
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <PageHeader
        title={pair ? t("heading", { current: pair.current.title, future: pair.future.title }) : t("pageTitle", { title: map.title })}
        description={t("description")}
      />
      {pair ? (
        <PairComparisonView slug={access.slug} current={pair.current} future={pair.future} comparison={pair.comparison} />
      ) : (
        <EmptyState
          title={t("unpaired.title")}
          description={t("unpaired.text")}
          action={
            <Link href={`/w/${access.slug}/maps/${map.id}`} className="inline-flex rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("unpaired.back")}
            </Link>
          }
        />
      )}
    </div>
  );
}
