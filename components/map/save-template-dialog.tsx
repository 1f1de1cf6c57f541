"use client";
// "Save as template" (editors): name, description and which lanes keep their content; stages and
// touchpoint titles always stay. The template then appears in "New map" for the whole workspace.
import { useId, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useTranslations } from "next-intl";
import { createMapTemplateAction } from "@/lib/actions/templates/create-map-template";
import { TEMPLATE_LANES } from "@/lib/maps/map-templates-lanes";
import { useEditor } from "./editor-context";

/** Lanes kept by default: the journey's structure (where, who), not its measurements or opinions. */
const DEFAULT_KEPT = new Set(["channel", "device", "department", "activity", "goal", "informationNeeded", "kpis"]);

export function SaveTemplateButton({ workspaceSlug, mapId }: { workspaceSlug: string; mapId: string }) {
  const t = useTranslations("templates");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="save-template-button">
        {t("saveAs")}
      </button>
      {open ? <SaveTemplateDialog workspaceSlug={workspaceSlug} mapId={mapId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function SaveTemplateDialog({ workspaceSlug, mapId, onClose }: { workspaceSlug: string; mapId: string; onClose: () => void }) {
  const t = useTranslations("templates");
  const te = useTranslations("editor");
  const { map } = useEditor();
  const id = useId();
  const [name, setName] = useState(map.title);
  const [description, setDescription] = useState("");
  const [kept, setKept] = useState<Set<string>>(() => new Set([...DEFAULT_KEPT, ...map.lanes.map((l) => `lane:${l.id}`)]));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);

  const laneLabel = (lane: string) => (lane === "owner" ? te("responsiblePerson") : te(`lanes.${lane}`));
  const toggle = (lane: string, on: boolean) =>
    setKept((prev) => {
      const next = new Set(prev);
      if (on) next.add(lane);
      else next.delete(lane);
      return next;
    });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t("name_required"));
    setSaving(true);
    setError(null);
    const result = await createMapTemplateAction({ workspace: workspaceSlug, mapId, name, description, keptLanes: [...kept] });
    setSaving(false);
    if (result.ok) return setDone(true);
    const field = result.error.fields?.name ?? result.error.fields?.description;
    setError(field && t.has(field) ? t(field) : result.error.message);
  };

  return (
    <ModalDialog onClose={onClose} labelledBy={`${id}-title`} data-testid="save-template-dialog">
      <form onSubmit={submit} className="space-y-4 p-5" noValidate>
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">{t("saveTitle")}</h2>
        {done ? (
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="save-template-done">{t("saved", { name })}</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t("saveIntro")}</p>
            <label className="block text-sm font-medium text-slate-700">
              {t("name")}
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required autoFocus className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" data-testid="template-name" aria-invalid={error ? true : undefined} />
            </label>
            <label className="block text-sm font-medium text-slate-700">
              {t("description")}
              <textarea value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} rows={2} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" data-testid="template-description" />
            </label>
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">{t("keepLanes")}</legend>
              <p className="text-xs text-slate-500">{t("keepLanesHint")}</p>
              <div className="mt-2 grid grid-cols-2 gap-1 text-sm sm:grid-cols-3">
                {[...TEMPLATE_LANES, ...map.lanes.map((l) => `lane:${l.id}`)].map((lane) => (
                  <label key={lane} className="flex items-center gap-1.5">
                    <input type="checkbox" checked={kept.has(lane)} onChange={(e) => toggle(lane, e.target.checked)} data-testid={`keep-${lane}`} />
                    <span className="truncate">{lane.startsWith("lane:") ? map.lanes.find((l) => `lane:${l.id}` === lane)?.name || te("untitledLane") : laneLabel(lane)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            {error ? <p role="alert" className="text-sm text-red-700" data-testid="template-error">{error}</p> : null}
          </>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-100" data-testid="template-close">{done ? t("close") : t("cancel")}</button>
          {done ? null : (
            <button type="submit" disabled={saving} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="template-save">
              {saving ? t("saving") : t("save")}
            </button>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
