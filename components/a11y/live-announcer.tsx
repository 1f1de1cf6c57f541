"use client";
// Polite announcements for screen readers: one visually hidden live region per screen, fed by
// hooks that say what matters without flooding — people joining or leaving (batched), and changes
// other people make where the user's focus is. Messages come already translated.
import { useCallback, useEffect, useRef, useState } from "react";

/** Minimum time between two announcements; what arrives in between is joined into the next one. */
const GAP_MS = 3000;

/** A throttled announcer: `announce(text)` queues, the live region reads at most one batch per GAP_MS. */
export function useAnnouncer(gapMs = GAP_MS) {
  const [message, setMessage] = useState("");
  const pending = useRef<string[]>([]);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    timer.current = null;
    if (!pending.current.length) return;
    const text = [...new Set(pending.current)].join(" ");
    pending.current = [];
    last.current = Date.now();
    // A changing suffix makes screen readers read a repeated sentence again.
    setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);
  const announce = useCallback(
    (text: string) => {
      if (!text) return;
      pending.current.push(text);
      if (timer.current) return;
      timer.current = setTimeout(flush, Math.max(0, last.current + gapMs - Date.now()));
    },
    [flush, gapMs],
  );
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return { message, announce };
}

/** The visually hidden polite live region. Render it once, always (a region added later is not read). */
export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-announcer">
      {message}
    </div>
  );
}

type Person = { id: string; name: string };

/**
 * Announces people who join or leave (by name, batched by the announcer). Who is already there when
 * the screen opens is not announced: the first list seen is the baseline.
 */
export function usePresenceAnnouncements(
  people: Person[],
  meId: string,
  announce: (text: string) => void,
  messages: { joined: (names: string) => string; left: (names: string) => string },
) {
  const known = useRef<Map<string, string> | null>(null);
  const ready = useRef(false);
  useEffect(() => {
    // Awareness fills in during the first second after connecting: that is the baseline.
    const timer = setTimeout(() => (ready.current = true), 1500);
    return () => clearTimeout(timer);
  }, []);
  const messagesRef = useRef(messages);
  // eslint-disable-next-line react-hooks/refs -- the latest callback for effects and handlers; never read during render
  messagesRef.current = messages;
  useEffect(() => {
    const now = new Map(people.filter((p) => p.id !== meId).map((p) => [p.id, p.name]));
    const before = known.current;
    known.current = now;
    if (!before || !ready.current) return;
    const joined = [...now].filter(([id]) => !before.has(id)).map(([, name]) => name);
    const left = [...before].filter(([id]) => !now.has(id)).map(([, name]) => name);
    if (joined.length) announce(messagesRef.current.joined(joined.join(", ")));
    if (left.length) announce(messagesRef.current.left(left.join(", ")));
  }, [people, meId, announce]);
}

/**
 * Announces a change made by someone else to the thing the user is focused on (a touchpoint, a
 * persona section, a stakeholder): `snapshot` is that thing's current content (null when nothing is
 * focused), `remote` says whether the latest document change came from someone else.
 */
export function useRemoteChangeAnnouncement(
  focusKey: string | null,
  snapshot: string | null,
  remote: () => boolean,
  announce: (text: string) => void,
  message: () => string,
) {
  const previous = useRef<{ key: string | null; snapshot: string | null }>({ key: null, snapshot: null });
  const messageRef = useRef(message);
  // eslint-disable-next-line react-hooks/refs -- the latest callback for effects and handlers; never read during render
  messageRef.current = message;
  useEffect(() => {
    const before = previous.current;
    previous.current = { key: focusKey, snapshot };
    if (!focusKey || before.key !== focusKey || before.snapshot === null || snapshot === null) return;
    if (before.snapshot !== snapshot && remote()) announce(messageRef.current());
  }, [focusKey, snapshot, remote, announce]);
}
