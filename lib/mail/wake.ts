// The running worker registers its `kick` here (on globalThis: server.ts and the Next.js bundles load
// this module separately in one process), so a queued mail goes out without waiting for the next poll.
const KEY = Symbol.for("journeyboard.mailWorkerKick");
const g = globalThis as unknown as { [KEY]?: () => void };

/** Registers (or clears) the function that wakes the mail worker. */
export function setMailWake(fn: (() => void) | undefined): void {
  g[KEY] = fn;
}

/** Wakes the worker soon (after the caller's transaction has had time to commit); no-op without one. */
export function wakeMailWorker(): void {
  const fn = g[KEY];
  if (fn) setTimeout(fn, 50).unref?.();
}
