"use client";
// For a stakeholder that is a department: the touchpoints it owns across all maps of the workspace,
// their average emotion and moments of truth, each linking to the touchpoint in its map.
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { emotionColor, formatScore } from "@/components/emotion/emotion";
import { emotionTextColor } from "@/components/charts/emotion-color";
import { listDepartmentTouchpointsAction } from "@/lib/actions/stakeholders/list-department-touchpoints";

type Result = Awaited<ReturnType<typeof listDepartmentTouchpointsAction>>;
type Data = Extract<Result, { ok: true }>["data"];

export function DepartmentTouchpoints({ slug, department }: { slug: string; department: string }) {
  const t = useTranslations("stakeholders");
  const [state, setState] = useState<{ for: string; data: Data | null; error: boolean } | null>(null);

  useEffect(() => {
    if (!department.trim()) return;
    let cancelled = false;
    void listDepartmentTouchpointsAction({ workspace: slug, department }).then(
      (r) => !cancelled && setState({ for: department, data: r.ok ? r.data : null, error: !r.ok }),
      () => !cancelled && setState({ for: department, data: null, error: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [slug, department]);

  if (!department.trim()) return null;
  if (!state || state.for !== department) return <p className="text-sm text-slate-500" aria-busy="true">{t("touchpoints.loading")}</p>;
  if (state.error || !state.data) return <p role="alert" className="text-sm text-red-600">{t("touchpoints.error")}</p>;
  const { touchpoints, stats } = state.data;
  if (touchpoints.length === 0) return <p className="text-sm text-slate-600" data-testid="department-touchpoints-empty">{t("touchpoints.empty", { department })}</p>;
  const mapCount = new Set(touchpoints.map((tp) => tp.mapId)).size;

  return (
    <div data-testid="department-touchpoints">
      <p className="text-sm text-slate-700">{t("touchpoints.count", { count: stats.touchpoints, maps: mapCount })}</p>
      <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
        <div className="rounded-md bg-slate-50 p-2">
          <dt className="text-xs text-slate-500">{t("touchpoints.avgEmotion")}</dt>
          <dd className="flex items-center gap-1.5 font-semibold" data-testid="department-avg-emotion">
            {stats.avgEmotion === null ? t("touchpoints.noEmotion") : (
              <>
                <span aria-hidden className="h-3 w-3 rounded-full" style={{ backgroundColor: emotionColor(stats.avgEmotion) }} />
                {formatScore(Math.round(stats.avgEmotion * 10) / 10)}
              </>
            )}
          </dd>
        </div>
        <div className="rounded-md bg-slate-50 p-2">
          <dt className="text-xs text-slate-500">{t("touchpoints.momentsOfTruth")}</dt>
          <dd className="font-semibold" data-testid="department-mot">{stats.momentsOfTruth}</dd>
        </div>
      </dl>
      <ul className="mt-3 space-y-1.5">
        {touchpoints.map((tp) => (
          <li key={`${tp.mapId}:${tp.touchpointId}`}>
            <Link
              href={`/w/${slug}/maps/${tp.mapId}?tp=${encodeURIComponent(tp.touchpointId)}`}
              className="flex items-start gap-2 rounded-md border border-slate-200 px-2 py-1.5 text-sm hover:border-brand-500"
              data-testid="department-touchpoint"
            >
              <span className="mt-0.5 flex h-6 min-w-8 items-center justify-center rounded text-xs font-bold text-white" style={{ backgroundColor: emotionColor(tp.emotion), color: emotionTextColor(tp.emotion) }}>
                {tp.emotion === null ? "–" : formatScore(tp.emotion)}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-slate-900">
                  {tp.momentOfTruth ? <span title={t("touchpoints.momentOfTruth")} aria-label={t("touchpoints.momentOfTruth")}>◆ </span> : null}
                  {tp.title}
                </span>
                <span className="block truncate text-xs text-slate-500">{tp.mapTitle} · {tp.stageName}{tp.owner ? ` · ${tp.owner}` : ""}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
