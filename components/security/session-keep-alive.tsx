"use client";
// The session cookie lives AUTH_IDLE_TIMEOUT_HOURS from its last renewal; Auth.js renews it when
// /api/auth/session is read. An open, used tab renews it (on focus and every 10 minutes while
// visible), so only inactivity ends a session. The answer also reflects "sign out everywhere".
import { useEffect } from "react";

export function SessionKeepAlive() {
  useEffect(() => {
    let last = 0;
    const renew = () => {
      if (document.visibilityState !== "visible" || Date.now() - last < 60_000) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => {});
    };
    renew();
    const timer = setInterval(renew, 10 * 60_000);
    document.addEventListener("visibilitychange", renew);
    window.addEventListener("focus", renew);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", renew);
      window.removeEventListener("focus", renew);
    };
  }, []);
  return null;
}
