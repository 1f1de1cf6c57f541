"use client";
// The stakeholder map drawing: the customer in the centre, three rings, stakeholders as nodes and
// relationships as labelled arrows. Pointer: drag a node along/between rings, drag from a node's
// handle to another node to draw a relationship. Keyboard: Tab to a node, arrows move it, Enter
// opens its details, Delete removes it. Plain SVG attributes (no CSS classes for paint) so that the
// exported SVG/PNG looks exactly like the screen.
import { useDiscussionContext } from "@/components/discuss/discussion-context";
import { forwardRef, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { emotionColor, formatScore } from "@/components/emotion/emotion";
import { CUSTOMER, PROVIDES, type Provides, type Relationship, type Ring, type Stakeholder, type StakeholderType } from "@/lib/stakeholders/stakeholder-document";
import { arrowPaths, CENTER, CUSTOMER_RADIUS, hitTest, NODE_RADIUS, placeAt, positionOf, RING_OUTER, RING_RADIUS, SIZE, stepRing, type Point } from "./geometry";
import type { RemotePeer } from "@/components/collab/presence";

export const PROVIDES_COLOR: Record<Provides, string> = {
  information: "#0284c7",
  money: "#15803d",
  service: "#4f46e5",
  product: "#c2410c",
  trust: "#be185d",
  other: "#475569",
};
export const TYPE_COLOR: Record<StakeholderType, string> = {
  department: "#4338ca",
  team: "#0e7490",
  person: "#c2410c",
  partner: "#15803d",
  system: "#334155",
};
const RING_FILL: Record<Ring, string> = { direct: "#eef2ff", indirect: "#f8fafc", environment: "#ffffff" };

export type Selection = { kind: "stakeholder"; id: string } | { kind: "relationship"; id: string } | null;

type Props = {
  stakeholders: Stakeholder[];
  relationships: Relationship[];
  visibleKinds: Set<Provides>;
  selection: Selection;
  canEdit: boolean;
  peers: RemotePeer[];
  onSelect: (s: Selection) => void;
  onMove: (id: string, ring: Ring, angle: number) => void;
  onConnect: (from: string, to: string) => void;
  onRemove: (id: string) => void;
};

/** Node shape per type, so the type reads without colour. */
function NodeShape({ type, fill, stroke, strokeWidth }: { type: StakeholderType; fill: string; stroke: string; strokeWidth: number }) {
  const r = NODE_RADIUS;
  switch (type) {
    case "department":
      return <rect x={-r} y={-r} width={2 * r} height={2 * r} rx={8} fill={fill} stroke={stroke} strokeWidth={strokeWidth} />;
    case "partner":
      return <path d={`M 0 ${-r - 4} L ${r + 4} 0 L 0 ${r + 4} L ${-r - 4} 0 Z`} fill={fill} stroke={stroke} strokeWidth={strokeWidth} />;
    case "system": {
      const pts = Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i + Math.PI / 6;
        return `${Math.round((r + 2) * Math.cos(a) * 10) / 10},${Math.round((r + 2) * Math.sin(a) * 10) / 10}`;
      }).join(" ");
      return <polygon points={pts} fill={fill} stroke={stroke} strokeWidth={strokeWidth} />;
    }
    case "person":
      return (
        <g>
          <circle r={r} fill={fill} stroke={stroke} strokeWidth={strokeWidth} />
          <circle r={r - 6} fill="none" stroke="#ffffff" strokeOpacity={0.6} strokeWidth={1.5} />
        </g>
      );
    default:
      return <circle r={r} fill={fill} stroke={stroke} strokeWidth={strokeWidth} />;
  }
}

/** Open comments on a stakeholder: a count badge on its node that opens the thread. */
function StakeholderCommentBadge({ id, name, x, y }: { id: string; name: string; x: number; y: number }) {
  const ctx = useDiscussionContext();
  const count = ctx?.counts.get(`stakeholder:${id}`) ?? 0;
  if (!ctx || count === 0) return null;
  return (
    <g
      transform={`translate(${x} ${y})`}
      data-export="skip"
      data-testid={`comment-marker-stakeholder-${id}`}
      onPointerDown={(e) => {
        e.stopPropagation();
        ctx.openComments({ kind: "stakeholder", id, label: name });
      }}
      style={{ cursor: "pointer" }}
    >
      <circle r={10} fill="#fef3c7" stroke="#b45309" strokeWidth={1.5} />
      <text y={4} textAnchor="middle" fontSize={10} fontWeight={700} fill="#78350f">{count}</text>
      <title>{`💬 ${count}`}</title>
    </g>
  );
}

function initials(name: string) {
  const parts = name.trim().split(/[\s()/-]+/).filter(Boolean);
  if (parts.length === 0) return "?";
  return (([...parts[0]][0] ?? "") + (parts.length > 1 ? ([...parts[1]][0] ?? "") : ([...parts[0]][1] ?? ""))).toUpperCase();
}

function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export const StakeholderCanvas = forwardRef<SVGSVGElement, Props>(function StakeholderCanvas(
  { stakeholders, relationships, visibleKinds, selection, canEdit, peers, onSelect, onMove, onConnect, onRemove },
  ref,
) {
  const t = useTranslations("stakeholders");
  const svg = useRef<SVGSVGElement | null>(null);
  const setRef = (node: SVGSVGElement | null) => {
    svg.current = node;
    if (typeof ref === "function") ref(node);
    else if (ref) ref.current = node;
  };
  const [drag, setDrag] = useState<{ id: string; start: Point; ring: Ring; angle: number; moved: boolean } | null>(null);
  const [link, setLink] = useState<{ from: string; to: Point } | null>(null);
  const [focused, setFocused] = useState<string | null>(null);

  const toSvg = (e: { clientX: number; clientY: number }): Point => {
    const el = svg.current;
    const ctm = el?.getScreenCTM();
    if (!el || !ctm) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };

  const placed = useMemo(
    () =>
      stakeholders.map((s) => {
        const live = drag && drag.id === s.id ? { ring: drag.ring, angle: drag.angle } : { ring: s.ring, angle: s.angle };
        return { ...s, ...live, ...positionOf(live.ring, live.angle) };
      }),
    [stakeholders, drag],
  );
  const positions = useMemo(() => {
    const m = new Map<string, Point>(placed.map((p) => [p.id, { x: p.x, y: p.y }]));
    m.set(CUSTOMER, { x: CENTER, y: CENTER });
    return m;
  }, [placed]);
  const shown = relationships.filter((r) => visibleKinds.has(r.provides));
  const arrows = useMemo(() => arrowPaths(shown, positions), [shown, positions]);

  const onPointerMove = (e: React.PointerEvent) => {
    if (drag) {
      const p = toSvg(e);
      const moved = drag.moved || Math.hypot(p.x - drag.start.x, p.y - drag.start.y) > 4;
      const place = placeAt(p);
      setDrag({ ...drag, moved, ring: moved ? place.ring : drag.ring, angle: moved ? place.angle : drag.angle });
    } else if (link) {
      setLink({ ...link, to: toSvg(e) });
    }
  };
  const onPointerUp = (e: React.PointerEvent) => {
    if (drag) {
      if (drag.moved) onMove(drag.id, drag.ring, drag.angle);
      else onSelect({ kind: "stakeholder", id: drag.id });
      setDrag(null);
    } else if (link) {
      const target = hitTest(toSvg(e), placed.map((p) => ({ id: p.id, x: p.x, y: p.y })));
      if (target && target !== link.from) onConnect(link.from, target);
      setLink(null);
    }
  };

  const onNodeKey = (e: React.KeyboardEvent, s: (typeof placed)[number]) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onSelect({ kind: "stakeholder", id: s.id });
      return;
    }
    if (!canEdit) return;
    const step = e.shiftKey ? 15 : 5;
    if (e.key === "ArrowLeft") onMove(s.id, s.ring, s.angle - step);
    else if (e.key === "ArrowRight") onMove(s.id, s.ring, s.angle + step);
    else if (e.key === "ArrowUp") onMove(s.id, stepRing(s.ring, -1), s.angle);
    else if (e.key === "ArrowDown") onMove(s.id, stepRing(s.ring, 1), s.angle);
    else if (e.key === "Delete" || e.key === "Backspace") onRemove(s.id);
    else return;
    e.preventDefault();
  };

  const selectedId = selection?.kind === "stakeholder" ? selection.id : null;
  const selectedRel = selection?.kind === "relationship" ? selection.id : null;
  const involved = selectedId ? new Set(relationships.filter((r) => r.from === selectedId || r.to === selectedId).map((r) => r.id)) : null;

  return (
    <svg
      ref={setRef}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      xmlns="http://www.w3.org/2000/svg"
      role="group"
      aria-label={t("canvasLabel")}
      className="h-auto w-full touch-none select-none"
      fontFamily="Inter, ui-sans-serif, system-ui, sans-serif"
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={() => {
        setDrag(null);
        setLink(null);
      }}
      onPointerDown={(e) => {
        if (e.target === svg.current || (e.target as Element).getAttribute("data-background") === "1") onSelect(null);
      }}
      data-testid="stakeholder-canvas"
    >
      <defs>
        {PROVIDES.map((k) => (
          <marker key={k} id={`arrow-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={PROVIDES_COLOR[k]} />
          </marker>
        ))}
      </defs>
      <rect x={0} y={0} width={SIZE} height={SIZE} fill="#ffffff" data-background="1" />
      {(["environment", "indirect", "direct"] as Ring[]).map((ring) => (
        <g key={ring}>
          <circle cx={CENTER} cy={CENTER} r={RING_OUTER[ring]} fill={RING_FILL[ring]} stroke="#cbd5e1" strokeWidth={1} data-background="1" />
          <circle cx={CENTER} cy={CENTER} r={RING_RADIUS[ring]} fill="none" stroke="#94a3b8" strokeWidth={1} strokeDasharray="4 6" data-background="1" />
          <text x={CENTER} y={CENTER - RING_OUTER[ring] + 16} textAnchor="middle" fontSize={13} fontWeight={600} fill="#64748b" letterSpacing={1}>
            {t(`rings.${ring}`).toUpperCase()}
          </text>
        </g>
      ))}

      <g aria-hidden="true">
        {arrows.map((a) => {
          const r = shown.find((x) => x.id === a.id)!;
          const color = PROVIDES_COLOR[r.provides];
          const dim = involved && !involved.has(r.id);
          const label = r.label || t(`provides.${r.provides}`);
          const isSelected = selectedRel === r.id;
          return (
            <g key={a.id} opacity={dim ? 0.25 : 1} onPointerDown={(e) => { e.stopPropagation(); onSelect({ kind: "relationship", id: r.id }); }} style={{ cursor: "pointer" }} data-testid="relationship" data-from={r.from} data-to={r.to}>
              <path d={a.path} fill="none" stroke="transparent" strokeWidth={14} />
              <path d={a.path} fill="none" stroke={color} strokeWidth={isSelected ? 3.5 : 2} markerEnd={`url(#arrow-${r.provides})`} markerStart={r.direction === "both" ? `url(#arrow-${r.provides})` : undefined} />
              <text x={a.labelAt.x} y={a.labelAt.y + 4} textAnchor="middle" fontSize={12} fill={color} stroke="#ffffff" strokeWidth={4} paintOrder="stroke" fontWeight={isSelected ? 700 : 500}>
                {truncate(label, 26)}
              </text>
            </g>
          );
        })}
      </g>

      <g>
        <circle cx={CENTER} cy={CENTER} r={CUSTOMER_RADIUS} fill="#0f172a" />
        <text x={CENTER} y={CENTER + 6} textAnchor="middle" fontSize={20} fontWeight={700} fill="#ffffff">{t("customer")}</text>
        <title>{t("customerLabel")}</title>
      </g>

      {link ? (
        <line x1={positions.get(link.from)?.x} y1={positions.get(link.from)?.y} x2={link.to.x} y2={link.to.y} stroke="#0f172a" strokeWidth={2} strokeDasharray="6 4" data-export="skip" />
      ) : null}

      {placed.map((s) => {
        const isSelected = selectedId === s.id;
        const peer = peers.find((p) => p.selection === s.id);
        const influenceColor = emotionColor(s.influence);
        return (
          <g
            key={s.id}
            transform={`translate(${s.x} ${s.y})`}
            tabIndex={0}
            role="button"
            aria-pressed={isSelected}
            aria-label={t("nodeLabel", { name: s.name, type: t(`types.${s.type}`), ring: t(`rings.${s.ring}`), influence: formatScore(s.influence) })}
            onFocus={() => setFocused(s.id)}
            onBlur={() => setFocused((f) => (f === s.id ? null : f))}
            onKeyDown={(e) => onNodeKey(e, s)}
            onPointerDown={(e) => {
              e.stopPropagation();
              if (!canEdit) {
                onSelect({ kind: "stakeholder", id: s.id });
                return;
              }
              (e.currentTarget.ownerSVGElement ?? svg.current)?.setPointerCapture?.(e.pointerId);
              setDrag({ id: s.id, start: toSvg(e), ring: s.ring, angle: s.angle, moved: false });
            }}
            style={{ cursor: canEdit ? (drag?.id === s.id ? "grabbing" : "grab") : "pointer", outline: "none" }}
            data-testid="stakeholder-node"
            data-id={s.id}
            data-name={s.name}
            data-ring={s.ring}
            data-angle={s.angle}
          >
            {focused === s.id || isSelected ? <circle r={NODE_RADIUS + 9} fill="none" stroke="#6366f1" strokeWidth={3} data-export="skip" /> : null}
            {peer ? (
              <g data-export="skip">
                <circle r={NODE_RADIUS + 13} fill="none" stroke={peer.user.color} strokeWidth={2.5} strokeDasharray="5 3" />
                <text y={-NODE_RADIUS - 18} textAnchor="middle" fontSize={11} fill={peer.user.color} fontWeight={600} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">{peer.user.name}</text>
              </g>
            ) : null}
            <NodeShape type={s.type} fill={TYPE_COLOR[s.type]} stroke={influenceColor} strokeWidth={4} />
            <text y={5} textAnchor="middle" fontSize={14} fontWeight={700} fill="#ffffff" pointerEvents="none">{initials(s.name)}</text>
            <g transform={`translate(${NODE_RADIUS - 2} ${-NODE_RADIUS + 2})`} pointerEvents="none">
              <circle r={10} fill="#ffffff" stroke={influenceColor} strokeWidth={2} />
              <text y={4} textAnchor="middle" fontSize={10} fontWeight={700} fill="#0f172a">{formatScore(s.influence)}</text>
            </g>
            <text y={NODE_RADIUS + 18} textAnchor="middle" fontSize={13} fontWeight={600} fill="#0f172a" stroke="#ffffff" strokeWidth={4} paintOrder="stroke" pointerEvents="none">
              {truncate(s.name, 22)}
            </text>
            <StakeholderCommentBadge id={s.id} name={s.name} x={-NODE_RADIUS + 2} y={NODE_RADIUS - 2} />
            {canEdit && (isSelected || focused === s.id) ? (
              <g
                transform={`translate(${-NODE_RADIUS - 4} ${-NODE_RADIUS - 4})`}
                data-export="skip"
                data-testid="connect-handle"
                onPointerDown={(e) => {
                  e.stopPropagation();
                  svg.current?.setPointerCapture?.(e.pointerId);
                  setLink({ from: s.id, to: toSvg(e) });
                }}
                style={{ cursor: "crosshair" }}
              >
                <circle r={10} fill="#0f172a" />
                <text y={4.5} textAnchor="middle" fontSize={14} fontWeight={700} fill="#ffffff" pointerEvents="none">+</text>
                <title>{t("dragToConnect")}</title>
              </g>
            ) : null}
            <title>{`${s.name} · ${t(`types.${s.type}`)} · ${t("influence.short")} ${formatScore(s.influence)}`}</title>
          </g>
        );
      })}
    </svg>
  );
});
