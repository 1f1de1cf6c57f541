// Bounded admission of upgrade requests.
//
// A reconnect storm (every client of a restarted instance coming back at once) used to start every
// authorisation at the same moment: thousands of upgrades shared one database pool, all progressed
// equally slowly, and all reached the upgrade timeout together — under load 0 of 2,000 were admitted
// (congestion collapse). Here at most `concurrency` upgrades are decided at once and the rest wait in
// arrival order, so the first ones finish quickly and throughput stays at what the pool can do. The
// queue is bounded: beyond it, and after waiting too long, a request is refused at once with a
// retryable code, and a waiter whose client has left is skipped without any work.

export type AdmissionTicket = {
  /** Resolves with a release function once a slot is free, or with why the request is not admitted. */
  admitted: Promise<{ release: () => void } | { refused: "queue full" | "waited too long" | "abandoned" | "closed" }>;
  /** The client went away while waiting: its slot is never taken. */
  abandon: () => void;
};

type Waiter = {
  resolve: (outcome: Awaited<AdmissionTicket["admitted"]>) => void;
  timer: NodeJS.Timeout | null;
  done: boolean;
};

export class AdmissionQueue {
  private active = 0;
  /** FIFO with a moving head (no O(n) shift under a burst of thousands). */
  private waiting: Waiter[] = [];
  private head = 0;
  /** Waiters not yet settled (abandoned or timed-out ones stay in the array until skipped). */
  private pending = 0;
  private closed = false;
  /** Highest number of requests seen waiting at once (for stats). */
  peakQueued = 0;

  constructor(private readonly options: { concurrency: number; maxQueued: number; maxWaitMs: number }) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.pending;
  }

  enter(): AdmissionTicket {
    if (this.closed) return { admitted: Promise.resolve({ refused: "closed" }), abandon: () => {} };
    if (this.active < this.options.concurrency && this.queued === 0) {
      this.active++;
      return { admitted: Promise.resolve({ release: this.releaser() }), abandon: () => {} };
    }
    if (this.queued >= this.options.maxQueued) return { admitted: Promise.resolve({ refused: "queue full" }), abandon: () => {} };
    let waiter!: Waiter;
    const admitted = new Promise<Awaited<AdmissionTicket["admitted"]>>((resolve) => {
      waiter = { resolve, timer: null, done: false };
    });
    waiter.timer = setTimeout(() => this.settle(waiter, { refused: "waited too long" }), this.options.maxWaitMs);
    this.waiting.push(waiter);
    this.pending++;
    this.peakQueued = Math.max(this.peakQueued, this.queued);
    return { admitted, abandon: () => this.settle(waiter, { refused: "abandoned" }) };
  }

  /** Refuses everything still waiting (shutdown); running upgrades finish on their own. */
  close(): void {
    this.closed = true;
    while (this.head < this.waiting.length) this.settle(this.waiting[this.head++], { refused: "closed" });
    this.compact();
  }

  private settle(waiter: Waiter, outcome: Awaited<AdmissionTicket["admitted"]>): void {
    if (waiter.done) return;
    waiter.done = true;
    this.pending--;
    if (waiter.timer) clearTimeout(waiter.timer);
    waiter.resolve(outcome);
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.next();
    };
  }

  /** Hands free slots to the oldest waiters still wanting one (settled waiters are skipped). */
  private next(): void {
    while (this.active < this.options.concurrency && this.head < this.waiting.length) {
      const waiter = this.waiting[this.head++];
      if (waiter.done) continue;
      this.active++;
      this.settle(waiter, { release: this.releaser() });
    }
    this.compact();
  }

  private compact(): void {
    if (this.head === this.waiting.length) {
      this.waiting = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
  }
}
