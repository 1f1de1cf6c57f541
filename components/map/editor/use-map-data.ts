// The live map document as plain data.
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { readMap, type MapData } from "@/lib/maps/map-document";

/** The map as plain data, re-read (batched) after every change of the document. */
export function useMapData(doc: Y.Doc): MapData {
  const [map, setMap] = useState(() => readMap(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setMap(readMap(doc));
      }, 16);
    };
    doc.on("update", onUpdate);
    // Catches changes made between render and subscription (a subscription, not derived state).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMap(readMap(doc));
    return () => {
      doc.off("update", onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return map;
}
