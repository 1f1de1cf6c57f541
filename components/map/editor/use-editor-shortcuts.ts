// Editor-wide keys: Ctrl/Cmd+Z undo, Ctrl/Cmd+Y or Shift+Ctrl/Cmd+Z redo, "?" the shortcut list,
// "n" a new touchpoint next to the active one (not while typing or with a dialog open).
import { useEffect } from "react";
import type * as Y from "yjs";
import { isTypingTarget } from "./is-typing-target";

export function useEditorShortcuts({ canEdit, undoManager, onShowShortcuts, onAddTouchpoint }: {
  canEdit: boolean;
  undoManager: Y.UndoManager | null;
  onShowShortcuts: () => void;
  onAddTouchpoint: () => void;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.altKey && (key === "z" || key === "y")) {
        if (!canEdit) return;
        event.preventDefault();
        if (key === "y" || event.shiftKey) undoManager?.redo();
        else undoManager?.undo();
        return;
      }
      if (mod || event.altKey || isTypingTarget(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (event.key === "?") {
        event.preventDefault();
        onShowShortcuts();
      } else if (key === "n" && canEdit) {
        event.preventDefault();
        onAddTouchpoint();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit, undoManager, onShowShortcuts, onAddTouchpoint]);
}
