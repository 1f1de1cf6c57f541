"use client";
// One live Y.Doc per open document (map, persona, stakeholder map): IndexedDB keeps it (and edits
// made offline) on this device, the y-websocket provider syncs it through /collab (the session
// cookie authenticates) and the stored-ack helper tells when the server has stored what we sent.
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import { onAppMessage } from "@/collab/client/app-messages";
import { attachStoredAck, type SaveStatus } from "@/collab/client/stored-ack";
import { CloseCode } from "@/collab/close-codes";

/** What the top bar shows. */
export type ConnectionStatus =
  | "connecting" // first connection not yet made
  | SaveStatus // "saved" | "saving" | "offline"
  | "signedOut" // 4401: the session ended
  | "forbidden" // 4403: access removed (or never given)
  | "rejected"; // another permanent refusal (document too large, rate limited)

export type CollabSession = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Transaction origin of this user's edits (the one the undo manager tracks). */
  origin: object;
  /** True once content is available (from this device or from the server). */
  loaded: boolean;
  status: ConnectionStatus;
  /** The server treats this connection as read-only (the user is a viewer). */
  serverReadOnly: boolean;
};

export function useCollabDoc(docName: string, userId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const origin = { kind: "local-editor" };
    const serverUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
    const provider = new WebsocketProvider(serverUrl, docName, doc, { connect: false });
    const tracker = attachStoredAck(provider);
    // App messages (type 101) are understood even before a feature subscribes (no console errors).
    onAppMessage(provider, () => {});
    const local = new IndexeddbPersistence(`journeyboard:${userId}:${docName}`, doc);
    let loaded = false;
    let everConnected = false;
    let terminal: ConnectionStatus | null = null;
    let disposed = false;

    const publish = () => {
      if (disposed) return;
      let status: ConnectionStatus;
      if (terminal) status = terminal;
      else if (!everConnected && tracker.status === "offline" && navigator.onLine) status = "connecting";
      else status = tracker.status;
      setSession({ doc, provider, origin, loaded, status, serverReadOnly: tracker.readOnly });
    };
    const markLoaded = () => {
      if (loaded) return;
      loaded = true;
      publish();
    };
    void local.whenSynced.then(() => {
      // An empty local copy says nothing: wait for the server unless we are offline.
      if (Y.encodeStateVector(doc).length > 1 || !navigator.onLine) markLoaded();
    });
    provider.on("sync", (synced: boolean) => {
      if (synced) markLoaded();
    });
    provider.on("status", ({ status }: { status: string }) => {
      if (status === "connected") everConnected = true;
      publish();
    });
    provider.on("closed", ({ code }: { code: number }) => {
      terminal = code === CloseCode.unauthenticated ? "signedOut" : code === CloseCode.forbidden ? "forbidden" : "rejected";
      markLoaded();
      publish();
    });
    const offStatus = tracker.onStatusChange(publish);
    // The browser knows first when the network is gone: stop and resume the socket with it, so
    // the indicator is honest at once and reconnecting does not wait for the backoff.
    const onOffline = () => {
      provider.disconnect();
      markLoaded();
      publish();
    };
    const onOnline = () => {
      if (!terminal) provider.connect();
      publish();
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    if (navigator.onLine) provider.connect();
    publish();
    return () => {
      disposed = true;
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      offStatus();
      tracker.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [docName, userId]);

  return session;
}

/** Re-renders whenever the document changes and returns `read(doc)` (memoised per change). */
export function useDocValue<T>(doc: Y.Doc | null | undefined, read: (doc: Y.Doc) => T): T | null {
  const [value, setValue] = useState<T | null>(() => (doc ? read(doc) : null));
  useEffect(() => {
    if (!doc) return;
    setValue(read(doc));
    const onUpdate = () => setValue(read(doc));
    doc.on("update", onUpdate);
    return () => doc.off("update", onUpdate);
    // `read` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
  return value;
}
