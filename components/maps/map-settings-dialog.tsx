"use client";
// Map settings from the list: state (current/future), owner department and linked personas.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { updateMapSettingsAction } from "@/lib/actions/maps/update-map-settings";

export type SettingsOptions = { personas: { id: string; name: string }[]; departments: string[] };
type Target = { id: string; title: string; state: "current" | "future"; ownerDepartment: string | null; personaIds: string[] };

export function MapSettingsDialog({ slug, map, options, onClose }: { slug: string; map: Target; options: SettingsOptions; onClose: () => void }) {
  const t = useTranslations("maps");
  const tc = useTranslations("common");
  const router = useRouter();
  const [state, setState] = useState(map.state);
  const [department, setDepartment] = useState(map.ownerDepartment ?? "");
  const [personaIds, setPersonaIds] = useState<string[]>(map.personaIds);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await updateMapSettingsAction({ workspace: slug, mapId: map.id, state, ownerDepartment: department || null, personaIds });
      if (result.ok) {
        onClose();
        router.refresh();
      } else setError(result.error.message);
    });
  };

  return (
    <ModalDialog onClose={onClose} labelledBy="map-settings-title" widthClass="w-[min(30rem,calc(100vw-2rem))]">
      <form onSubmit={submit} className="space-y-4 p-5" data-testid="map-settings-form">
        <h2 id="map-settings-title" className="text-base font-semibold text-slate-900">{t("settings.title", { title: map.title })}</h2>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("filters.state")}</legend>
          <div className="flex gap-4">
            {(["current", "future"] as const).map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="state" value={s} checked={state === s} onChange={() => setState(s)} className="accent-brand-600" />
                {t(`state.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="map-settings-department" className="mb-1 block text-sm font-medium text-slate-700">{t("filters.department")}</label>
          <select id="map-settings-department" className={inputClass} value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">{t("noOwner")}</option>
            {options.departments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("personasLabel")}</legend>
          {options.personas.length === 0 ? (
            <p className="text-sm text-slate-500">{t("settings.noPersonas")}</p>
          ) : (
            <div className="grid max-h-48 gap-1 overflow-y-auto sm:grid-cols-2">
              {options.personas.map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    checked={personaIds.includes(p.id)}
                    onChange={(e) => setPersonaIds((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))}
                    className="accent-brand-600"
                  />
                  {p.name}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>{tc("cancel")}</Button>
          <Button type="submit" disabled={pending}>{pending ? t("settings.saving") : tc("save")}</Button>
        </div>
      </form>
    </ModalDialog>
  );
}
