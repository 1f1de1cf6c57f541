// Undo and redo of this user's own changes (by origin) on the live map document.
import { useEffect, useState } from "react";
import * as Y from "yjs";

/** This user's undo manager (null until created) and whether undo/redo are possible. */
export function useUndo(doc: Y.Doc, origin: object) {
  // Created in the effect (not in useMemo): React may run effects twice, and a destroyed undo
  // manager silently stops tracking.
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    const m = new Y.UndoManager(doc, { trackedOrigins: new Set([origin]), captureTimeout: 500 });
    const update = () => setState({ canUndo: m.canUndo(), canRedo: m.canRedo() });
    m.on("stack-item-added", update);
    m.on("stack-item-popped", update);
    m.on("stack-cleared", update);
    // The manager is an external object owned by this effect (see above), exposed once created.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setManager(m);
    update();
    return () => {
      m.destroy();
      setManager(null);
    };
  }, [doc, origin]);
  return { manager, ...state };
}
