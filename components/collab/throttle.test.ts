import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttle } from "./throttle";

describe("throttle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs the first call at once and collapses a burst into one trailing call with the latest value", () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 200);
    for (let i = 1; i <= 50; i++) t(i);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(200);
    expect(calls).toEqual([1, 50]);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([1, 50]);
  });

  it("keeps at most one call per interval under a steady stream (≤ 5/s at 200 ms)", () => {
    let count = 0;
    const t = throttle(() => count++, 200);
    for (let ms = 0; ms < 1000; ms += 10) {
      t();
      vi.advanceTimersByTime(10);
    }
    expect(count).toBeLessThanOrEqual(6);
    expect(count).toBeGreaterThanOrEqual(5);
  });

  it("cancel drops a pending call, flush runs it now", () => {
    const calls: string[] = [];
    const t = throttle((s: string) => calls.push(s), 200);
    t("a");
    t("b");
    t.cancel();
    vi.advanceTimersByTime(500);
    expect(calls).toEqual(["a"]);
    t("c");
    t("d");
    t.flush();
    expect(calls).toEqual(["a", "c", "d"]);
  });
});
