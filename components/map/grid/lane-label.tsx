"use client";
// The sticky label of a lane on the left: collapse toggle, rename and delete for custom lanes.
import { useTranslations } from "next-intl";
import { useEditor } from "../editor-context";
import { type LaneRow } from "../layout";
import { Menu } from "../menu";

export function LaneLabel({ lane, onToggle, onRename, onDelete }: { lane: LaneRow; onToggle: () => void; onRename: (id: string) => void; onDelete: (id: string) => void }) {
  const t = useTranslations("editor");
  const { canEdit } = useEditor();
  const label = lane.customLane ? lane.customLane.name || t("untitledLane") : t(`lanes.${lane.key}` as "lanes.channel");
  return (
    <div className="group flex items-start gap-1 border-b border-slate-200 px-2 py-1.5" style={{ height: lane.height }} data-testid={`lane-${lane.key}`}>
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={!lane.collapsed}
        aria-label={lane.collapsed ? t("expandLane", { lane: label }) : t("collapseLane", { lane: label })}
        className="rounded px-0.5 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-900"
        data-testid="lane-toggle"
      >
        <span aria-hidden>{lane.collapsed ? "▸" : "▾"}</span>
      </button>
      <span className={`min-w-0 flex-1 truncate text-xs font-semibold ${lane.collapsed ? "text-slate-500" : "text-slate-700"}`} title={label}>
        {label}
      </span>
      {lane.customLane && canEdit ? (
        <Menu
          label={t("laneActions", { lane: label })}
          buttonClassName="text-xs"
          items={[
            { label: t("renameLane"), onSelect: () => onRename(lane.customLane!.id) },
            { label: t("deleteLane"), onSelect: () => onDelete(lane.customLane!.id), danger: true },
          ]}
        />
      ) : null}
    </div>
  );
}
