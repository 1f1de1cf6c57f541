"use client";
// Search results land on the exact place: `?focus={value}` scrolls to the element carrying that
// value (a persona section, a stakeholder node) once it has rendered, and moves focus there.
import { useEffect } from "react";

type Props = {
  /** The attribute holding the value, e.g. `data-section`. */
  attribute: string;
  /** A selector narrowing the candidates, e.g. `[data-testid="stakeholder-node"]`. */
  scope?: string;
};

const TRIES = 60;
const EVERY_MS = 100;

export function RevealTarget({ attribute, scope = "" }: Props) {
  useEffect(() => {
    const value = new URLSearchParams(window.location.search).get("focus");
    if (!value) return;
    let tries = 0;
    const timer = setInterval(() => {
      const el = document.querySelector<HTMLElement | SVGElement>(`${scope}[${attribute}="${CSS.escape(value)}"]`);
      if (!el && ++tries < TRIES) return;
      clearInterval(timer);
      if (!el) return;
      if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
      el.scrollIntoView({ block: "center" });
      el.focus({ preventScroll: true });
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [attribute, scope]);
  return null;
}
