"use client";
// "Recently deleted": maps deleted in the last 30 days, each restorable.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { restoreMapAction } from "@/lib/actions/maps/delete-map";

export type DeletedItem = { id: string; title: string; deletedAt: string; restorableUntil: string };

export function RecentlyDeleted({ slug, maps, now }: { slug: string; maps: DeletedItem[]; now: string }) {
  const t = useTranslations("maps");
  const format = useFormatter();
  const router = useRouter();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const restore = (id: string) => {
    setPendingId(id);
    setError(null);
    startTransition(async () => {
      const result = await restoreMapAction({ workspace: slug, mapId: id });
      setPendingId(null);
      if (!result.ok) setError(result.error.message);
      router.refresh();
    });
  };
  return (
    <section className="mt-10" aria-labelledby="deleted-maps-title" data-testid="recently-deleted">
      <h2 id="deleted-maps-title" className="text-base font-semibold text-slate-900">{t("deleted.title")}</h2>
      <p className="mb-3 mt-1 text-sm text-slate-600">{t("deleted.description")}</p>
      {error ? <p role="alert" className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {maps.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5">
            <div className="min-w-0">
              <p className="truncate font-medium text-slate-800">{m.title}</p>
              <p className="text-xs text-slate-500">
                {t("deleted.deletedAt", { when: format.relativeTime(new Date(m.deletedAt), new Date(now)) })} · {t("deleted.until", { date: format.dateTime(new Date(m.restorableUntil), { dateStyle: "medium" }) })}
              </p>
            </div>
            <Button variant="secondary" size="sm" onClick={() => restore(m.id)} disabled={pendingId !== null}>
              {pendingId === m.id ? t("deleted.restoring") : t("deleted.restore")}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
