"use client";
// A document's comment threads, kept current live: loaded through a server action, reloaded when
// the server announces a comment event on the document's /collab connection (app message type
// 101 — no polling, no second socket), when the connection comes back and when the tab regains focus.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AppMessages } from "@/collab/client/app-messages";
import { listCommentsAction } from "@/lib/actions/discuss/comments";
import type { ThreadView } from "@/lib/comments/list-comments";

export type DocKind = "map" | "persona" | "stakeholders";

export type Discussion = {
  threads: ThreadView[] | null;
  mayComment: boolean;
  error: string | null;
  reload: () => Promise<void>;
  /** Comment ids that arrived live since the panel was last looked at (highlighted briefly). */
  fresh: Set<string>;
  /** Open threads (and their replies) per anchor `kind:id`, for the markers. */
  counts: Map<string, number>;
};

export function useDiscussion(docKind: DocKind, docId: string, meId: string, appMessages: AppMessages | null | undefined, connected: boolean): Discussion {
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const [mayComment, setMayComment] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const known = useRef<Set<string> | null>(null);

  const reload = useCallback(async () => {
    const result = await listCommentsAction({ docKind, docId });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    const ids = new Set(result.data.threads.flatMap((t) => [t.id, ...t.replies.map((r) => r.id)]));
    if (known.current) {
      // New comments by others slide in with a highlight.
      const arrived = result.data.threads.flatMap((t) => [t, ...t.replies]).filter((c) => !known.current!.has(c.id) && c.authorId !== meId).map((c) => c.id);
      if (arrived.length) {
        setFresh((prev) => new Set([...prev, ...arrived]));
        setTimeout(() => setFresh((prev) => new Set([...prev].filter((id) => !arrived.includes(id)))), 4000);
      }
    }
    known.current = ids;
    setThreads(result.data.threads);
    setMayComment(result.data.mayComment);
  }, [docKind, docId, meId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads or applies external state (server data, the URL, a dialog opening) once the component is there
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!appMessages) return;
    return appMessages.on((payload) => {
      if (payload && typeof payload === "object" && (payload as { type?: string }).type === "comment") void reload();
    });
  }, [appMessages, reload]);

  // Events are not stored: after a reconnect, catch up once.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads or applies external state (server data, the URL, a dialog opening) once the component is there
    if (connected) void reload();
  }, [connected, reload]);

  useEffect(() => {
    const onFocus = () => void reload();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [reload]);

  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const t of threads ?? []) {
      if (t.resolvedAt || !t.anchor.id) continue;
      const key = `${t.anchor.kind}:${t.anchor.id}`;
      map.set(key, (map.get(key) ?? 0) + 1 + t.replies.length);
    }
    return map;
  }, [threads]);

  return { threads, mayComment, error, reload, fresh, counts };
}
