"use client";
// Drawing heavy parts of a page (Recharts charts, long tables) after the page is interactive, one per
// idle period: hydrating a 200-map dashboard with every chart and table in it was one main-thread
// task of ~0.4 s (issue 12). Each deferred part keeps the height of its box while empty, so nothing
// shifts, and every part is drawn before printing.
import { createContext, startTransition, useContext, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/**
 * "off": draw at once (the default, e.g. a chart in a side panel). "idle": after hydration, in turn.
 * "near": in turn, once within 400 px of the viewport.
 */
export type DeferMode = "off" | "idle" | "near";

const DeferContext = createContext<DeferMode>("off");

/** Inside it, charts and deferred blocks draw after hydration ("idle") or when scrolled near ("near"). */
export function DeferUntil({ mode, children }: { mode: DeferMode; children: React.ReactNode }) {
  return <DeferContext.Provider value={mode}>{children}</DeferContext.Provider>;
}

/** The deferred mode of the surrounding `DeferUntil` ("off" outside one). */
export function useDeferMode(): DeferMode {
  return useContext(DeferContext);
}

// One queue for the whole page: a part is drawn, then the next waits until the main thread is idle
// again (its render, effects and Recharts' follow-up renders are done), so no two land in one task.
const queue: (() => void)[] = [];
let isDrawing = false;
const pending = new Set<() => void>();

function whenIdle(callback: () => void) {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(callback, { timeout: 1_000 });
  else setTimeout(callback, 50);
}

function drawNext() {
  if (isDrawing) return;
  const next = queue.shift();
  if (!next) return;
  isDrawing = true;
  next();
  whenIdle(() => {
    isDrawing = false;
    drawNext();
  });
}

function enqueue(show: () => void) {
  queue.push(show);
  // After the current task (hydration's commit) has ended.
  whenIdle(drawNext);
}

let isPrintListening = false;
/** Before printing, every part still waiting is drawn at once (synchronously, so the print shows it). */
function listenForPrint() {
  if (isPrintListening) return;
  isPrintListening = true;
  window.addEventListener("beforeprint", () => {
    flushSync(() => {
      for (const show of [...pending]) show();
    });
    queue.length = 0;
  });
}

/**
 * Whether the element behind `ref` may be drawn yet, for the surrounding mode. Outside a
 * `DeferUntil` (or with `mode` "off") it is drawn at once.
 */
export function useDeferredDraw<E extends HTMLElement = HTMLElement>(modeOverride?: DeferMode) {
  const contextMode = useDeferMode();
  const mode = modeOverride ?? contextMode;
  const ref = useRef<E>(null);
  const [isDrawn, setDrawn] = useState(mode === "off");
  useEffect(() => {
    if (isDrawn) return;
    let isQueued = false;
    let isCancelled = false;
    const showNow = () => setDrawn(true);
    const show = () => {
      if (isCancelled) return;
      pending.delete(showNow);
      startTransition(() => setDrawn(true));
    };
    const queueOnce = () => {
      if (isQueued) return;
      isQueued = true;
      enqueue(show);
    };
    pending.add(showNow);
    listenForPrint();
    let io: IntersectionObserver | null = null;
    const el = ref.current;
    if (mode === "near" && el && typeof IntersectionObserver === "function") {
      io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io?.disconnect();
          queueOnce();
        }
      }, { rootMargin: "400px 0px" });
      io.observe(el);
    } else {
      queueOnce();
    }
    return () => {
      isCancelled = true;
      pending.delete(showNow);
      io?.disconnect();
    };
  }, [isDrawn, mode]);
  return { ref, isDrawn };
}

/**
 * Its children once drawn (see `useDeferredDraw`); until then an empty box of `height` px, so the
 * page keeps its layout.
 */
export function Deferred({ height, children, className = "" }: { height: number; children: React.ReactNode; className?: string }) {
  const { ref, isDrawn } = useDeferredDraw<HTMLDivElement>();
  if (isDrawn) return <>{children}</>;
  return <div ref={ref} className={className} style={{ height }} aria-hidden data-deferred="" />;
}
