// A leading + trailing throttle: the first call runs at once, later calls within `wait` collapse
// into one trailing call with the latest arguments. Used for awareness (presence) updates so that
// fifty people moving between cells do not flood each other.
export type Throttled<A extends unknown[]> = ((...args: A) => void) & { cancel: () => void; flush: () => void };

export function throttle<A extends unknown[]>(fn: (...args: A) => void, wait: number, now: () => number = Date.now): Throttled<A> {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = now();
    fn(...args);
  };
  const throttled = ((...args: A) => {
    pending = args;
    const elapsed = now() - last;
    if (elapsed >= wait && !timer) run();
    else if (!timer) timer = setTimeout(run, Math.max(0, wait - elapsed));
  }) as Throttled<A>;
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  throttled.flush = () => {
    if (timer) clearTimeout(timer);
    run();
  };
  return throttled;
}
