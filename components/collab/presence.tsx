"use client";
// Who else is in this persona or stakeholder map (awareness), and what they have selected.
// Incoming changes re-render at most five times per second.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { throttle } from "@/components/collab/throttle";
import { readableTextColor } from "@/components/ui/readable-text-color";
import { useTranslations } from "next-intl";
import { LiveAnnouncer, useAnnouncer, usePresenceAnnouncements } from "@/components/a11y/live-announcer";

export type PresenceUser = { id: string; name: string; color: string };
export type RemotePeer = { clientId: number; user: PresenceUser; selection: string | null };

// The server stamps the same colour on awareness (collab/presence.ts): one definition for both.
export { colorForUser } from "@/lib/presence/color-for-user";

export function usePeers(awareness: Awareness | null | undefined, me: PresenceUser, selection: string | null) {
  const [peers, setPeers] = useState<RemotePeer[]>([]);
  const meRef = useRef(me);
  // Declared before the effects that read it, so they see this render's value.
  useEffect(() => {
    meRef.current = me;
  });

  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const list: RemotePeer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const s = state as { user?: Partial<PresenceUser>; selection?: unknown };
        if (!s.user || typeof s.user.id !== "string" || typeof s.user.name !== "string") continue;
        const color = typeof s.user.color === "string" && /^#[0-9a-f]{6}$/i.test(s.user.color) ? s.user.color : "#64748b";
        list.push({ clientId, user: { id: s.user.id, name: s.user.name.slice(0, 80), color }, selection: typeof s.selection === "string" ? s.selection : null });
      }
      setPeers(list);
    };
    const refresh = throttle(read, 200);
    awareness.on("change", refresh);
    refresh();
    return () => {
      awareness.off("change", refresh);
      refresh.cancel();
    };
  }, [awareness]);

  useEffect(() => {
    awareness?.setLocalState({ user: meRef.current, selection });
  }, [awareness, selection]);

  const people = useMemo(() => {
    const seen = new Map<string, PresenceUser>();
    for (const p of peers) if (!seen.has(p.user.id) && p.user.id !== me.id) seen.set(p.user.id, p.user);
    return [...seen.values()];
  }, [peers, me.id]);

  return { peers, people };
}

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

/** Tells screen readers who joins and leaves (batched); always rendered, so the live region exists before it speaks. */
export function PresenceAnnouncer({ people }: { people: PresenceUser[] }) {
  const t = useTranslations("a11y");
  const { message, announce } = useAnnouncer();
  usePresenceAnnouncements(people, "", announce, { joined: (names) => t("joined", { names }), left: (names) => t("left", { names }) });
  return <LiveAnnouncer message={message} />;
}

/** Overlapping avatars of the other people here, with their names for screen readers and on hover. */
export function PresenceAvatars({ people, label }: { people: PresenceUser[]; label: string }) {
  if (people.length === 0) return null;
  return (
    <div className="no-print flex items-center -space-x-2" role="group" aria-label={label} data-testid="presence">
      {people.slice(0, 6).map((p) => (
        <span
          key={p.id}
          title={p.name}
          data-testid="presence-avatar"
          className="flex h-8 w-8 items-center justify-center rounded-full border-2 border-white text-xs font-semibold text-white"
          style={{ backgroundColor: p.color, color: readableTextColor(p.color) }}
        >
          <span aria-hidden>{initials(p.name)}</span>
          <span className="sr-only">{p.name}</span>
        </span>
      ))}
      {people.length > 6 ? <span className="flex h-8 w-8 items-center justify-center rounded-full border-2 border-white bg-slate-200 text-xs">+{people.length - 6}</span> : null}
    </div>
  );
}

const DOT: Record<string, string> = {
  saved: "bg-emerald-500",
  saving: "bg-amber-400",
  connecting: "bg-slate-300",
  offline: "bg-slate-400",
  signedOut: "bg-red-500",
  forbidden: "bg-red-500",
  rejected: "bg-red-500",
};

/** "Saved" / "Saving…" / "Offline — changes kept on this device" (text, never colour alone). */
export function SaveStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span role="status" aria-live="polite" data-testid="save-status" data-status={status} className="no-print inline-flex items-center gap-1.5 text-xs text-slate-600">
      <span aria-hidden className={`h-2 w-2 rounded-full ${DOT[status] ?? "bg-slate-300"}`} />
      {label}
    </span>
  );
}
