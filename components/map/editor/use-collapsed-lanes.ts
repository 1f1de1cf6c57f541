// Which lanes this user has collapsed, remembered per user in localStorage.
import { useCallback, useState } from "react";
import type { LaneKey } from "../layout";

export function useCollapsedLanes(userId: string) {
  const key = `journeyboard:${userId}:collapsed-lanes`;
  const [collapsed, setCollapsed] = useState<Set<string>>(() => {
    try {
      const raw = JSON.parse(localStorage.getItem(key) ?? "[]");
      return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : []);
    } catch {
      return new Set();
    }
  });
  const toggle = useCallback(
    (lane: LaneKey) => {
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (next.has(lane)) next.delete(lane);
        else next.add(lane);
        try {
          localStorage.setItem(key, JSON.stringify([...next]));
        } catch {
          // storage full or disabled: the choice lasts for this visit only
        }
        return next;
      });
    },
    [key],
  );
  return { collapsed, toggle };
}
