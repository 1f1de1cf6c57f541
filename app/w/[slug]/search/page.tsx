// The search page: the full result list for ?q=, filtered by kind (?kind=), each result linking to
// the exact cell, persona section, stakeholder or comment thread. The palette's "all results".
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { SEARCH_QUERY_MAX } from "@/lib/search/search-query";
import { SEARCH_KINDS, searchWorkspace, ZSearchParams, type SearchResult } from "@/lib/search/search-workspace";
import { fieldLabel } from "@/components/search/field-label";
import { Snippet } from "@/components/search/snippet";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("page.title") };
}

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SearchPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = await searchParams;
  const { access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("search");
  const rawQ = (first(sp.q) ?? "").trim();
  const rawKind = first(sp.kind);
  const kind = SEARCH_KINDS.find((k) => k === rawKind);
  const parsed = rawQ ? ZSearchParams.safeParse({ q: rawQ, kind, limit: 50 }) : null;
  const results: SearchResult[] = parsed?.success ? await searchWorkspace(db, { workspaceId: access.workspaceId, slug: access.slug, ...parsed.data }) : [];
  const base = `/w/${access.slug}/search`;
  const hrefFor = (k?: string) => `${base}?${new URLSearchParams({ q: rawQ, ...(k ? { kind: k } : {}) })}`;

  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="mb-4 text-xl font-semibold text-slate-900">{t("page.heading")}</h1>
      <form action={base} method="get" role="search" className="mb-4 flex gap-2">
        <label htmlFor="search-q" className="sr-only">{t("inputLabel")}</label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={rawQ}
          maxLength={SEARCH_QUERY_MAX}
          placeholder={t("placeholder")}
          className="min-h-10 flex-1 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-500"
          data-testid="search-page-input"
        />
        {kind ? <input type="hidden" name="kind" value={kind} /> : null}
        <button type="submit" className="min-h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">{t("page.submit")}</button>
      </form>

      {rawQ ? (
        <nav aria-label={t("page.filters")} className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {[undefined, ...SEARCH_KINDS].map((k) => (
              <li key={k ?? "all"}>
                <Link
                  href={hrefFor(k)}
                  aria-current={k === kind ? "page" : undefined}
                  className={`inline-flex min-h-8 items-center rounded-full border px-3 text-sm ${k === kind ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
                  data-testid={`search-filter-${k ?? "all"}`}
                >
                  {k ? t(`groups.${k}`) : t("page.all")}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {!rawQ ? <p className="text-sm text-slate-600">{t("page.empty")}</p> : null}
      {parsed && !parsed.success ? <p className="text-sm text-red-700" role="alert">{t("page.tooLong", { max: SEARCH_QUERY_MAX })}</p> : null}

      {parsed?.success ? (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" className="mb-2 text-sm font-semibold text-slate-700">
            {t("page.results")}: {t("resultCount", { count: results.length })}
          </h2>
          {results.length === 0 ? <p className="text-sm text-slate-600">{t("noResults", { q: rawQ })}</p> : null}
          <ol className="space-y-2" data-testid="search-results">
            {results.map((r) => (
              <li key={`${r.kind}-${r.docId}-${r.itemId}-${r.field}`}>
                <Link href={r.path} className="block rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-500" data-testid="search-result" data-kind={r.kind}>
                  <span className="flex flex-wrap items-baseline gap-x-2">
                    <span className="font-medium text-slate-900">{r.title}</span>
                    <span className="text-xs text-slate-600">{t(`groups.${r.kind}`)} · {fieldLabel(t, r.field)}</span>
                  </span>
                  {r.context ? <span className="block text-xs text-slate-600">{r.context}</span> : null}
                  <Snippet parts={r.snippet} className="mt-1 block text-sm text-slate-700" />
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
