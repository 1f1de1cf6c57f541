// Throttling of sign-in, sign-up and password reset. Points are consumed BEFORE the password is
// checked (a burst of parallel guesses cannot all pass a check-then-count), per account across all
// IPs (with a longer second tier as backoff) and per IP. The counters live in a shared store —
// Redis when REDIS_URL is set, else the database (table rate_limits) — so several app instances
// enforce one limit.
import { RateLimiterDrizzle, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { getEnv } from "@/env";

type Limits = {
  loginAccount: RateLimiterAbstract;
  loginAccountDaily: RateLimiterAbstract;
  loginIp: RateLimiterAbstract;
  signUpIp: RateLimiterAbstract;
  resetIp: RateLimiterAbstract;
  resetAccount: RateLimiterAbstract;
};

// One rule set; the store is chosen at first use.
const RULES: Record<keyof Limits, { points: number; duration: number }> = {
  // 5 sign-in attempts per account per 15 min, then 20 per day (backoff), whatever the IP.
  loginAccount: { points: 5, duration: 15 * 60 },
  loginAccountDaily: { points: 20, duration: 24 * 60 * 60 },
  // 50 attempts per IP per hour (many accounts from one address).
  loginIp: { points: 50, duration: 60 * 60 },
  signUpIp: { points: 20, duration: 60 * 60 },
  resetIp: { points: 10, duration: 60 * 60 },
  resetAccount: { points: 3, duration: 60 * 60 },
};

const KEY = Symbol.for("journeyboard.throttle");
const g = globalThis as unknown as { [KEY]?: Map<Database, Limits> };

async function limitsFor(db: Database): Promise<Limits> {
  g[KEY] ??= new Map();
  const cached = g[KEY].get(db);
  if (cached) return cached;
  const env = getEnv();
  let make: (name: string, rule: { points: number; duration: number }) => RateLimiterAbstract;
  if (env.REDIS_URL && process.env.VITEST !== "true") {
    const { Redis } = await import("ioredis");
    // Commands queue until connected (the first sign-ins after start must not fail closed for no reason).
    const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    make = (name, rule) => new RateLimiterRedis({ storeClient: client, keyPrefix: `jb_${name}`, ...rule });
  } else {
    make = (name, rule) => new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: name, ...rule });
  }
  const limits = Object.fromEntries(Object.entries(RULES).map(([name, rule]) => [name, make(name, rule)])) as Limits;
  g[KEY].set(db, limits);
  return limits;
}

/** Thrown when a limit is exhausted; `retryAfter` in seconds. */
export class ThrottledError extends Error {
  constructor(readonly retryAfter: number) {
    super("rate_limited");
  }
}

async function consumeAll(pairs: [RateLimiterAbstract, string][]): Promise<void> {
  const results = await Promise.allSettled(pairs.map(([limiter, key]) => limiter.consume(key)));
  const blocked = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  if (blocked.length === 0) return;
  const real = blocked.find((b) => !(b instanceof RateLimiterRes));
  // A store failure must not open the door: treat it as throttled (and say so in the log).
  if (real) {
    console.error("throttle store failed", real);
    throw new ThrottledError(60);
  }
  throw new ThrottledError(Math.ceil(Math.max(...(blocked as RateLimiterRes[]).map((r) => r.msBeforeNext)) / 1000));
}

/**
 * Counts a sign-in attempt against the account (any IP, short then daily tier) and the IP; throws
 * ThrottledError when over. Tiers are charged in order and stop at the first refusal, so a burst
 * against one account does not also use up its IP's budget for everyone behind that address.
 */
export async function consumeSignInAttempt(db: Database, email: string, ip: string): Promise<void> {
  const l = await limitsFor(db);
  await consumeAll([[l.loginAccount, email]]);
  await consumeAll([[l.loginAccountDaily, email]]);
  await consumeAll([[l.loginIp, ip]]);
}

/** A successful sign-in gives its points back: the limits count failed attempts (the account's short tier starts over). */
export async function rewardSignIn(db: Database, email: string, ip: string): Promise<void> {
  const l = await limitsFor(db);
  await Promise.all([l.loginAccount.delete(email), l.loginAccountDaily.reward(email, 1), l.loginIp.reward(ip, 1)]).catch(() => {});
}

/** Counts a sign-up from this IP. */
export async function consumeSignUp(db: Database, ip: string): Promise<void> {
  const l = await limitsFor(db);
  await consumeAll([[l.signUpIp, ip]]);
}

/** Counts a password-reset (or verification re-send) request from this IP for this address. */
export async function consumeResetRequest(db: Database, email: string, ip: string): Promise<void> {
  const l = await limitsFor(db);
  await consumeAll([
    [l.resetIp, ip],
    [l.resetAccount, email],
  ]);
}
