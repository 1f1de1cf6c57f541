"use client";
// The filter bar: every change updates the URL (shareable), and the server recomputes every panel.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { DateInput } from "@/components/ui/date-input";
import type { DashboardFilterOptions } from "@/lib/dashboard/filter-options";
import { useDashboard, useDashboardPending, type FilterState } from "./dashboard-context";

const selectClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

export function DashboardFilters({ options }: { options: DashboardFilterOptions }) {
  const t = useTranslations("dashboard");
  const { filters, setFilters } = useDashboard();
  const isPending = useDashboardPending();
  const active =
    filters.personas.length + filters.maps.length + (filters.department ? 1 : 0) + (filters.stage ? 1 : 0) + (filters.state ? 1 : 0) + (filters.since ? 1 : 0);
  // A value in the URL that is not (or no longer) an option still shows, so it can be cleared.
  const withCurrent = (list: string[], current: string | null) => (current && !list.includes(current) ? [...list, current] : list);
  return (
    <form
      role="search"
      aria-label={t("filters.label")}
      aria-busy={isPending}
      onSubmit={(e) => e.preventDefault()}
      className="mb-6 grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-3 xl:grid-cols-7"
      data-testid="dashboard-filters"
    >
      <MultiSelect
        label={t("filters.persona")}
        allLabel={t("filters.personaAll")}
        options={options.personas.map((p) => ({ value: p.id, label: p.name }))}
        selected={filters.personas}
        onChange={(personas) => setFilters({ personas })}
        testId="filter-persona"
      />
      <label className="text-xs font-medium text-slate-600">
        {t("filters.department")}
        <select className={`${selectClass} mt-1`} value={filters.department ?? ""} onChange={(e) => setFilters({ department: e.target.value || null })} data-testid="filter-department">
          <option value="">{t("filters.departmentAll")}</option>
          {withCurrent(options.departments, filters.department).map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("filters.stage")}
        <select className={`${selectClass} mt-1`} value={filters.stage ?? ""} onChange={(e) => setFilters({ stage: e.target.value || null })} data-testid="filter-stage">
          <option value="">{t("filters.stageAll")}</option>
          {withCurrent(options.stages, filters.stage).map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("filters.state")}
        <select
          className={`${selectClass} mt-1`}
          value={filters.state ?? ""}
          onChange={(e) => setFilters({ state: (e.target.value || null) as FilterState["state"] })}
          data-testid="filter-state"
        >
          <option value="">{t("filters.stateAll")}</option>
          <option value="current">{t("labels.current")}</option>
          <option value="future">{t("labels.future")}</option>
        </select>
      </label>
      <MultiSelect
        label={t("filters.maps")}
        allLabel={t("filters.mapsAll")}
        options={options.maps.map((m) => ({ value: m.id, label: `${m.title} (${t(`labels.${m.state}`)})` }))}
        selected={filters.maps}
        onChange={(maps) => setFilters({ maps })}
        testId="filter-maps"
      />
      <div className="text-xs font-medium text-slate-600">
        <label htmlFor="filter-since" className="block">{t("filters.since")}</label>
        <DateInput
          id="filter-since"
          className={`${selectClass} mt-1`}
          value={filters.since ?? ""}
          max={new Date().toISOString().slice(0, 10)}
          onChange={(iso) => setFilters({ since: iso || null })}
          data-testid="filter-since"
        />
      </div>
      <div className="flex items-end">
        <button
          type="button"
          disabled={active === 0}
          onClick={() => setFilters({ personas: [], department: null, stage: null, state: null, maps: [], since: null })}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400"
          data-testid="filter-clear"
        >
          {t("filters.clear")}
          {active ? ` (${active})` : ""}
        </button>
      </div>
    </form>
  );
}

/** A dropdown of checkboxes (native <details>, keyboard-accessible); each tick applies at once. */
function MultiSelect({
  label, allLabel, options, selected, onChange, testId,
}: {
  label: string;
  allLabel: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (values: string[]) => void;
  testId: string;
}) {
  const t = useTranslations("dashboard");
  // The checkboxes exist only while the list is open: 200 maps are 600 nodes to hydrate otherwise.
  const [isOpen, setOpen] = useState(false);
  const summary =
    selected.length === 0 ? allLabel : selected.length === 1 ? (options.find((o) => o.value === selected[0])?.label ?? t("filters.selected", { count: 1 })) : t("filters.selected", { count: selected.length });
  return (
    <div className="text-xs font-medium text-slate-600">
      <span id={`${testId}-label`}>{label}</span>
      <details className="group relative mt-1" data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary
          aria-labelledby={`${testId}-label`}
          className={`${selectClass} flex cursor-pointer list-none items-center justify-between gap-1 font-normal text-slate-900`}
        >
          <span className="truncate">{summary}</span>
          <span aria-hidden className="text-slate-400">▾</span>
        </summary>
        <div className="absolute left-0 z-30 mt-1 max-h-72 w-64 overflow-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg" role="group" aria-labelledby={`${testId}-label`}>
          {isOpen ? options.map((o) => (
            <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm font-normal text-slate-800 hover:bg-slate-50">
              <input
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300 text-brand-600"
                checked={selected.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
              />
              <span className="truncate">{o.label}</span>
            </label>
          )) : null}
        </div>
      </details>
    </div>
  );
}
