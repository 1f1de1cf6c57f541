import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/policy";
import { getDashboardPageData } from "@/lib/dashboard/cached-dashboard";
import { NO_FILTERS, parseFiltersFromSearchParams } from "@/lib/dashboard/filters";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DashboardView } from "@/components/dashboard/dashboard-view";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("dashboard");
  const parsed = parseFiltersFromSearchParams(await searchParams);
  const filters = parsed.success ? parsed.data : NO_FILTERS;
  const { dashboard, options } = await getDashboardPageData(db, access.workspaceId, filters);
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <PageHeader title={t("title")} description={t("subtitle", { maps: options.maps.length })} />
      {options.maps.length === 0 ? (
        <EmptyState
          title={t("empty.noMapsTitle")}
          description={t("empty.noMapsText")}
          action={
            can(access.role, "edit") ? (
              <Link href={`/w/${access.slug}/maps`} className="inline-flex rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
                {t("empty.createMap")}
              </Link>
            ) : undefined
          }
        />
      ) : (
        <DashboardView
          slug={access.slug}
          dashboard={dashboard}
          options={options}
          invalidFilters={!parsed.success}
          filters={{
            personas: filters.personas,
            department: filters.department ?? null,
            stage: filters.stage ?? null,
            state: filters.state ?? null,
            maps: filters.maps,
            since: filters.since ? filters.since.toISOString().slice(0, 10) : null,
          }}
        />
      )}
    </div>
  );
}
