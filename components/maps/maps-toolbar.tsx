"use client";
// Search and filters of the maps list, kept in the URL (shareable, back button works). The search
// box updates the URL after a short pause; the server filters on the relational projection.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { DateInput } from "@/components/ui/date-input";
import { inputClass } from "@/components/ui/field";

export type ToolbarOptions = {
  personas: { id: string; name: string }[];
  departments: string[];
};

export function MapsToolbar({ options }: { options: ToolbarOptions }) {
  const t = useTranslations("maps");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const onSearch = (value: string) => {
    setQ(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => update({ q: value.trim() || null }), 300);
  };

  const view = params.get("view") === "list" ? "list" : "grid";
  const hasFilters = ["q", "persona", "state", "department", "since"].some((k) => params.get(k));
  const selectClass = `${inputClass} min-w-40`;

  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" aria-busy={pending}>
      <div className="min-w-56 flex-[2]">
        <label htmlFor="maps-search" className="mb-1 block text-sm font-medium text-slate-700">{t("searchLabel")}</label>
        <input id="maps-search" type="search" value={q} onChange={(e) => onSearch(e.target.value)} placeholder={t("searchPlaceholder")} className={inputClass} />
      </div>
      <div>
        <label htmlFor="maps-persona" className="mb-1 block text-sm font-medium text-slate-700">{t("filters.persona")}</label>
        <select id="maps-persona" className={selectClass} value={params.get("persona") ?? ""} onChange={(e) => update({ persona: e.target.value || null })}>
          <option value="">{t("filters.allPersonas")}</option>
          {options.personas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="maps-state" className="mb-1 block text-sm font-medium text-slate-700">{t("filters.state")}</label>
        <select id="maps-state" className={selectClass} value={params.get("state") ?? ""} onChange={(e) => update({ state: e.target.value || null })}>
          <option value="">{t("filters.allStates")}</option>
          <option value="current">{t("state.current")}</option>
          <option value="future">{t("state.future")}</option>
        </select>
      </div>
      <div>
        <label htmlFor="maps-department" className="mb-1 block text-sm font-medium text-slate-700">{t("filters.department")}</label>
        <select id="maps-department" className={selectClass} value={params.get("department") ?? ""} onChange={(e) => update({ department: e.target.value || null })}>
          <option value="">{t("filters.allDepartments")}</option>
          {options.departments.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="maps-since" className="mb-1 block text-sm font-medium text-slate-700">{t("filters.since")}</label>
        <DateInput id="maps-since" className={inputClass} value={params.get("since") ?? ""} onChange={(iso) => update({ since: iso || null })} />
      </div>
      {hasFilters ? (
        <button
          type="button"
          className="pb-2 text-sm text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
          onClick={() => {
            setQ("");
            update({ q: null, persona: null, state: null, department: null, since: null });
          }}
        >
          {t("filters.clear")}
        </button>
      ) : null}
      <div role="group" aria-label={t("view.label")} className="ml-auto flex overflow-hidden rounded-md border border-slate-300">
        {(["grid", "list"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => update({ view: v === "grid" ? null : "list" })}
            className={`px-3 py-2 text-sm focus-visible:relative focus-visible:outline-2 focus-visible:outline-brand-500 ${view === v ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {t(`view.${v}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
