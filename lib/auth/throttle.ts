// Throttling of sign-in, sign-up and password reset. Points are consumed BEFORE the password is
// checked (a burst of parallel guesses cannot all pass a check-then-count), per account across all
// IPs (with a longer second tier as backoff) and per IP. The counters live in a shared store —
// Redis when REDIS_URL is set, else the database (table rate_limits) — so several app instances
// enforce one limit.
import { RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db/client";
import { getEnv } from "@/env";

/** The part of a rate limiter we use (rate-limiter-flexible's RateLimiterRedis, or the database store below). */
type Limiter = Pick<RateLimiterAbstract, "consume" | "reward" | "delete">;

/**
 * Fixed-window counters in the `rate_limits` table: one atomic upsert per attempt (the same
 * statement rate-limiter-flexible's Drizzle store uses; that store imports drizzle-orm dynamically,
 * which the Next.js bundle cannot resolve). Rejects with a RateLimiterRes like the library does.
 */
class DatabaseLimiter implements Limiter {
  constructor(
    private readonly db: Database,
    private readonly prefix: string,
    private readonly points: number,
    private readonly duration: number,
  ) {}

  async consume(key: string | number, pointsToConsume = 1): Promise<RateLimiterRes> {
    const k = `${this.prefix}:${key}`;
    const [row] = await queryRows<{ points: number; ms: number | string }>(
      this.db,
      sql`insert into rate_limits (key, points, expire) values (${k}, ${pointsToConsume}, now() + make_interval(secs => ${this.duration}))
          on conflict (key) do update set
            points = case when rate_limits.expire <= now() then ${pointsToConsume} else rate_limits.points + ${pointsToConsume} end,
            expire = case when rate_limits.expire <= now() then now() + make_interval(secs => ${this.duration}) else rate_limits.expire end
          returning points, floor(extract(epoch from (expire - now())) * 1000) as ms`,
    );
    const res = new RateLimiterRes(Math.max(this.points - row.points, 0), Math.max(Number(row.ms), 0), row.points, row.points === pointsToConsume);
    if (row.points > this.points) throw res;
    return res;
  }

  async reward(key: string | number, points = 1): Promise<RateLimiterRes> {
    await this.db.execute(sql`update rate_limits set points = greatest(points - ${points}, 0) where key = ${`${this.prefix}:${key}`}`);
    return new RateLimiterRes();
  }

  async delete(key: string | number): Promise<boolean> {
    await this.db.execute(sql`delete from rate_limits where key = ${`${this.prefix}:${key}`}`);
    return true;
  }
}

type Limits = {
  loginAccount: Limiter;
  loginAccountDaily: Limiter;
  loginIp: Limiter;
  signUpIp: Limiter;
  resetIp: Limiter;
  resetAccount: Limiter;
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
  let make: (name: string, rule: { points: number; duration: number }) => Limiter;
  if (env.REDIS_URL && process.env.VITEST !== "true") {
    const { Redis } = await import("ioredis");
    // Commands queue until connected (the first sign-ins after start must not fail closed for no reason).
    const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    make = (name, rule) => new RateLimiterRedis({ storeClient: client, keyPrefix: `jb_${name}`, ...rule });
  } else {
    make = (name, rule) => new DatabaseLimiter(db, name, rule.points, rule.duration);
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

async function consumeAll(pairs: [Limiter, string][]): Promise<void> {
  const results = await Promise.allSettled(pairs.map(([limiter, key]) => limiter.consume(key)));
  const blocked = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  if (blocked.length === 0) return;
  // Duck-typed: the bundle may hold two copies of RateLimiterRes.
  const real = blocked.find((b) => !(b instanceof RateLimiterRes) && typeof (b as { msBeforeNext?: unknown })?.msBeforeNext !== "number");
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
