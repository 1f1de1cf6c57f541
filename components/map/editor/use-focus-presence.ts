// Tells the others which touchpoint field this user is in: the nearest [data-presence] holder
// ("touchpointId|field") of the focused element, and whether they are typing there.
import { useEffect } from "react";
import type { PresenceFocus } from "../use-presence";
import { isTypingTarget } from "./is-typing-target";

export function useFocusPresence(setFocus: (focus: PresenceFocus, editing: boolean) => void) {
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const el = event.target as HTMLElement;
      const holder = el.closest?.("[data-presence]");
      const value = holder?.getAttribute("data-presence");
      if (!value) return setFocus(null, false);
      const [touchpointId, field] = [value.slice(0, value.indexOf("|")), value.slice(value.indexOf("|") + 1)];
      setFocus({ touchpointId, field }, isTypingTarget(el));
    };
    const onFocusOut = (event: FocusEvent) => {
      if (!event.relatedTarget) setFocus(null, false);
    };
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
    };
  }, [setFocus]);
}
