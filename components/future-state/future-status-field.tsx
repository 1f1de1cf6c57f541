"use client";
// The status of a future-state touchpoint (idea / planned / in progress / live), in the touchpoint
// side panel of a future map (issue 13). Viewers see it read-only.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { FUTURE_STATUSES, type FutureStatus } from "@/lib/maps/map-document";

export function FutureStatusField({ value, canEdit, onChange }: { value: FutureStatus | null; canEdit: boolean; onChange: (value: FutureStatus | null) => void }) {
  const t = useTranslations("pair");
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="future-status">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">{t("status.label")}</label>
      <select
        id={id}
        value={value ?? ""}
        disabled={!canEdit}
        onChange={(e) => onChange(e.target.value ? (e.target.value as FutureStatus) : null)}
        className="min-h-6 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 disabled:bg-slate-50"
        data-testid="future-status-select"
      >
        <option value="">{t("status.none")}</option>
        {FUTURE_STATUSES.map((s) => (
          <option key={s} value={s}>{t(`status.${s}`)}</option>
        ))}
      </select>
    </div>
  );
}
