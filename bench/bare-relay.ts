// The baseline for bench/collab.ts: the smallest in-memory y-websocket server — no auth, no
// persistence, no limits. One Y.Doc and Awareness per room; every update and awareness change is
// applied and broadcast at once.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";

type Room = { doc: Y.Doc; awareness: awarenessProtocol.Awareness; conns: Map<WebSocket, Set<number>> };

export async function startBareRelay(port = 0): Promise<{ port: number; url: string; close(): Promise<void> }> {
  const rooms = new Map<string, Room>();
  const send = (ws: WebSocket, msg: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(msg);
  };
  const room = (name: string): Room => {
    let r = rooms.get(name);
    if (r) return r;
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    const conns = new Map<WebSocket, Set<number>>();
    r = { doc, awareness, conns };
    doc.on("update", (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      const msg = encoding.toUint8Array(e);
      for (const ws of conns.keys()) send(ws, msg);
    });
    awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = added.concat(updated, removed);
      const ids = conns.get(origin as WebSocket);
      if (ids) {
        for (const id of added) ids.add(id);
        for (const id of removed) ids.delete(id);
      }
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
      const msg = encoding.toUint8Array(e);
      for (const ws of conns.keys()) send(ws, msg);
    });
    rooms.set(name, r);
    return r;
  };

  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const r = room((req.url ?? "/").split("?")[0].slice(1).replace(/^collab\//, ""));
      r.conns.set(ws, new Set());
      ws.on("message", (data: Buffer) => {
        try {
          const decoder = decoding.createDecoder(new Uint8Array(data));
          const encoder = encoding.createEncoder();
          const type = decoding.readVarUint(decoder);
          if (type === 0) {
            encoding.writeVarUint(encoder, 0);
            syncProtocol.readSyncMessage(decoder, encoder, r.doc, ws);
            if (encoding.length(encoder) > 1) send(ws, encoding.toUint8Array(encoder));
          } else if (type === 1) {
            awarenessProtocol.applyAwarenessUpdate(r.awareness, decoding.readVarUint8Array(decoder), ws);
          }
        } catch {
          ws.close();
        }
      });
      ws.on("close", () => {
        const ids = r.conns.get(ws);
        r.conns.delete(ws);
        if (ids?.size) awarenessProtocol.removeAwarenessStates(r.awareness, [...ids], null);
      });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, r.doc);
      send(ws, encoding.toUint8Array(e));
      if (r.awareness.getStates().size > 0) {
        const a = encoding.createEncoder();
        encoding.writeVarUint(a, 1);
        encoding.writeVarUint8Array(a, awarenessProtocol.encodeAwarenessUpdate(r.awareness, [...r.awareness.getStates().keys()]));
        send(ws, encoding.toUint8Array(a));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `ws://127.0.0.1:${actual}/collab`,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      for (const r of rooms.values()) r.doc.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
