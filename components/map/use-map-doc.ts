"use client";
// One live Y.Doc per open map: IndexedDB keeps it (and edits made offline) on this device, the
// y-websocket provider syncs it through /collab (the session cookie authenticates), and the
// stored-ack helper tells when the server has durably stored everything we sent.
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import { attachStoredAck, type SaveStatus } from "@/collab/client/stored-ack";
import { CloseCode } from "@/collab/close-codes";

/** What the top bar shows. */
export type ConnectionStatus =
  | "connecting" // first connection not yet made
  | SaveStatus // "saved" | "saving" | "offline"
  | "signedOut" // 4401: the session ended
  | "forbidden" // 4403: access removed (or never given)
  | "rejected"; // another permanent refusal (document too large, rate limited)

export type MapSession = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Transaction origin of this user's edits: the only origin the undo manager tracks. */
  origin: object;
  /** True once content is available (from this device or from the server). */
  loaded: boolean;
  status: ConnectionStatus;
  /** The server treats this connection as read-only (the user is a viewer). */
  serverReadOnly: boolean;
};

/** The IndexedDB database of a map for one user (another account on this browser gets its own). */
export function localDatabaseName(userId: string, mapId: string) {
  return `journeyboard:${userId}:map:${mapId}`;
}

export function useMapDoc(mapId: string, userId: string): MapSession | null {
  const [session, setSession] = useState<MapSession | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const origin = { kind: "local-editor" };
    const serverUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
    const provider = new WebsocketProvider(serverUrl, `map:${mapId}`, doc, { connect: false });
    const tracker = attachStoredAck(provider);
    const local = new IndexeddbPersistence(localDatabaseName(userId, mapId), doc);

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
      if (hasContent(doc) || !navigator.onLine) markLoaded();
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
      if (!loaded) markLoaded();
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
  }, [mapId, userId]);

  return session;
}

function hasContent(doc: Y.Doc): boolean {
  // Any stored state at all (a map document always has its meta written at creation).
  return Y.encodeStateVector(doc).length > 1;
}
