"use client";
// Duplicate, archive and delete (asks once, then offers undo) for one persona.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { archivePersonaAction } from "@/lib/actions/personas/archive-persona";
import { deletePersonaAction, restorePersonaAction } from "@/lib/actions/personas/delete-persona";
import { duplicatePersonaAction } from "@/lib/actions/personas/duplicate-persona";

type Props = { slug: string; persona: { id: string; name: string; archived: boolean }; afterDelete?: "stay" | "gallery" };

export function PersonaActions({ slug, persona, afterDelete = "stay" }: Props) {
  const t = useTranslations("personas");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState(false);

  const run = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>, after?: () => void) =>
    startTransition(async () => {
      setError(null);
      const result = await fn();
      if (!result.ok) {
        setError(result.error?.message ?? null);
        return;
      }
      after?.();
      router.refresh();
    });

  return (
    <div className="no-print flex flex-wrap items-center gap-1">
      <Button variant="ghost" size="sm" disabled={pending} onClick={() => run(async () => {
        const r = await duplicatePersonaAction({ workspace: slug, personaId: persona.id });
        if (r.ok) router.push(`/w/${slug}/personas/${r.data.id}`);
        return r;
      })}>{t("duplicate")}</Button>
      <Button variant="ghost" size="sm" disabled={pending} onClick={() => run(() => archivePersonaAction({ workspace: slug, personaId: persona.id, archived: !persona.archived }))}>
        {persona.archived ? t("unarchive") : t("archive")}
      </Button>
      <Button variant="ghost" size="sm" className="text-red-700! hover:bg-red-50" disabled={pending} onClick={() => setConfirming(true)} data-testid="delete-persona">{t("delete")}</Button>
      {error && !confirming ? <p role="alert" className="w-full text-sm text-red-600">{error}</p> : null}
      <ConfirmDialog
        open={confirming}
        title={t("deleteTitle", { name: persona.name })}
        description={t("deleteText")}
        confirmLabel={t("delete")}
        pending={pending}
        error={error}
        onCancel={() => setConfirming(false)}
        onConfirm={() => run(() => deletePersonaAction({ workspace: slug, personaId: persona.id }), () => {
          setConfirming(false);
          if (afterDelete === "gallery") router.push(`/w/${slug}/personas?deleted=${persona.id}`);
          else setUndo(true);
        })}
      />
      {undo ? (
        <div role="status" className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
          {t("deleted", { name: persona.name })}
          <button type="button" className="font-semibold underline" onClick={() => run(() => restorePersonaAction({ workspace: slug, personaId: persona.id }), () => setUndo(false))}>{t("undo")}</button>
        </div>
      ) : null}
    </div>
  );
}

/** The undo toast shown on the gallery after deleting from the sheet. */
export function DeletedPersonaToast({ slug, personaId, name }: { slug: string; personaId: string; name: string }) {
  const t = useTranslations("personas");
  const router = useRouter();
  const [visible, setVisible] = useState(true);
  const [pending, startTransition] = useTransition();
  if (!visible) return null;
  return (
    <div role="status" className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
      {t("deleted", { name })}
      <button type="button" disabled={pending} className="font-semibold underline" onClick={() => startTransition(async () => {
        const r = await restorePersonaAction({ workspace: slug, personaId });
        if (r.ok) {
          setVisible(false);
          router.replace(`/w/${slug}/personas`);
          router.refresh();
        }
      })}>{t("undo")}</button>
      <button type="button" aria-label="×" className="text-slate-300" onClick={() => setVisible(false)}>×</button>
    </div>
  );
}
