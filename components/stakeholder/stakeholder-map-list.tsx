"use client";
// The workspace's stakeholder maps: open, duplicate, delete (asks once, then offers undo).
import Link from "next/link";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { deleteStakeholderMapAction, restoreStakeholderMapAction } from "@/lib/actions/stakeholders/delete-stakeholder-map";
import { duplicateStakeholderMapAction } from "@/lib/actions/stakeholders/duplicate-stakeholder-map";

type Item = { id: string; title: string; updatedAt: string; stakeholderCount: number; departmentCount: number };

export function StakeholderMapList({ slug, maps, canEdit }: { slug: string; maps: Item[]; canEdit: boolean }) {
  const t = useTranslations("stakeholders");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<Item | null>(null);
  const [undo, setUndo] = useState<Item | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {maps.map((m) => (
          <li key={m.id}>
            <Card className="flex h-full flex-col p-4">
              <h3 className="font-semibold text-slate-900">
                <Link href={`/w/${slug}/stakeholders/${m.id}`} className="hover:underline" data-testid="stakeholder-map-link">{m.title}</Link>
              </h3>
              <p className="mt-1 text-sm text-slate-600">{t("stakeholderCount", { count: m.stakeholderCount })} · {t("departmentCount", { count: m.departmentCount })}</p>
              <p className="mt-1 text-xs text-slate-500">{t("updated", { date: format.dateTime(new Date(m.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
              {canEdit ? (
                <div className="mt-3 flex gap-1 border-t border-slate-100 pt-2">
                  <Button variant="ghost" size="sm" disabled={pending} onClick={() => startTransition(async () => {
                    const r = await duplicateStakeholderMapAction({ workspace: slug, mapId: m.id });
                    if (r.ok) router.push(`/w/${slug}/stakeholders/${r.data.id}`);
                    else setError(r.error.message);
                  })}>{t("duplicate")}</Button>
                  <Button variant="ghost" size="sm" className="text-red-700! hover:bg-red-50" disabled={pending} onClick={() => setConfirming(m)} data-testid="delete-stakeholder-map">{t("delete")}</Button>
                </div>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
      {error && !confirming ? <p role="alert" className="mt-3 text-sm text-red-600">{error}</p> : null}
      <ConfirmDialog
        open={!!confirming}
        title={t("deleteTitle", { title: confirming?.title ?? "" })}
        description={t("deleteText")}
        confirmLabel={t("delete")}
        pending={pending}
        error={error}
        onCancel={() => setConfirming(null)}
        onConfirm={() => startTransition(async () => {
          if (!confirming) return;
          const r = await deleteStakeholderMapAction({ workspace: slug, mapId: confirming.id });
          if (!r.ok) {
            setError(r.error.message);
            return;
          }
          setUndo(confirming);
          setConfirming(null);
          router.refresh();
        })}
      />
      {undo ? (
        <div role="status" className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
          {t("deleted", { title: undo.title })}
          <button type="button" className="font-semibold underline" onClick={() => startTransition(async () => {
            const r = await restoreStakeholderMapAction({ workspace: slug, mapId: undo.id });
            if (r.ok) {
              setUndo(null);
              router.refresh();
            }
          })}>{t("undo")}</button>
          <button type="button" aria-label="×" className="text-slate-300" onClick={() => setUndo(null)}>×</button>
        </div>
      ) : null}
    </>
  );
}
