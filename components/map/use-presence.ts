"use client";
// Presence over the provider's awareness: who is on the map (name, department colour) and which
// cell each person is in. Outgoing focus changes and incoming re-renders are both throttled to
// at most five per second, so fifty people moving around do not flood each other.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { throttle } from "@/components/collab/throttle";

export type PresenceUser = { id: string; name: string; color: string };
export type PresenceFocus = { touchpointId: string; field: string } | null;
export type Peer = { clientId: number; user: PresenceUser; focus: PresenceFocus; editing: boolean };

const INTERVAL_MS = 200;

type LocalState = { user: PresenceUser; focus: PresenceFocus; editing: boolean };

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const s = state as Partial<LocalState>;
    if (!s.user || typeof s.user.id !== "string" || typeof s.user.name !== "string") continue;
    const color = typeof s.user.color === "string" && /^#[0-9a-f]{3,8}$/i.test(s.user.color) ? s.user.color : "#64748b";
    const focus = s.focus && typeof s.focus.touchpointId === "string" && typeof s.focus.field === "string" ? s.focus : null;
    peers.push({ clientId, user: { id: s.user.id, name: s.user.name.slice(0, 80), color }, focus, editing: s.editing === true });
  }
  return peers;
}

/** The other people on the map, and a throttled setter for where I am. */
export function usePresence(awareness: Awareness | null, me: PresenceUser) {
  const [peers, setPeers] = useState<Peer[]>([]);
  const meRef = useRef(me);
  // Declared before the effects that read it, so they see this render's value.
  useEffect(() => {
    meRef.current = me;
  });

  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalState({ user: meRef.current, focus: null, editing: false } satisfies LocalState);
    const refresh = throttle(() => setPeers(readPeers(awareness)), INTERVAL_MS);
    const onChange = () => refresh();
    awareness.on("change", onChange);
    refresh();
    return () => {
      awareness.off("change", onChange);
      refresh.cancel();
    };
  }, [awareness]);

  const setFocus = useMemo(() => {
    if (!awareness) return throttle((_focus: PresenceFocus, _editing: boolean) => {}, INTERVAL_MS);
    // Called from event handlers only (never during render), so reading meRef there is safe.
    // eslint-disable-next-line react-hooks/refs
    return throttle((focus: PresenceFocus, editing: boolean) => {
      const current = awareness.getLocalState() as LocalState | null;
      if (current && sameFocus(current.focus, focus) && current.editing === editing) return;
      awareness.setLocalState({ user: meRef.current, focus, editing } satisfies LocalState);
    }, INTERVAL_MS);
  }, [awareness]);

  useEffect(() => () => setFocus.cancel(), [setFocus]);

  /** Distinct people (one avatar per person even with two tabs open). */
  const people = useMemo(() => {
    const seen = new Map<string, PresenceUser>();
    for (const p of peers) if (!seen.has(p.user.id)) seen.set(p.user.id, p.user);
    return [...seen.values()];
  }, [peers]);

  /** Who is where: "touchpointId|field" → peers focused there. */
  const byCell = useMemo(() => {
    const map = new Map<string, Peer[]>();
    for (const p of peers) {
      if (!p.focus) continue;
      const key = `${p.focus.touchpointId}|${p.focus.field}`;
      const list = map.get(key);
      if (list) list.push(p);
      else map.set(key, [p]);
    }
    return map;
  }, [peers]);

  return { peers, people, byCell, setFocus };
}

function sameFocus(a: PresenceFocus, b: PresenceFocus) {
  return a === b || (!!a && !!b && a.touchpointId === b.touchpointId && a.field === b.field);
}
