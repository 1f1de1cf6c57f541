// Sign-in throttling per account+IP and per IP (rate-limiter-flexible, in memory: one app process
// owns the login path; several instances would pass a Redis store here).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const G = globalThis as unknown as { __jbLoginLimiters?: { byAccount: RateLimiterMemory; byIp: RateLimiterMemory } };
const limiters = (G.__jbLoginLimiters ??= {
  // 5 failed attempts per account and IP per 15 minutes; 50 per IP (many accounts) per hour.
  byAccount: new RateLimiterMemory({ keyPrefix: "login_account", points: 5, duration: 15 * 60 }),
  byIp: new RateLimiterMemory({ keyPrefix: "login_ip", points: 50, duration: 60 * 60 }),
});

/** Seconds until the caller may try again, or 0 when allowed. Does not consume a point. */
export async function loginRetryAfter(email: string, ip: string): Promise<number> {
  const [account, byIp] = await Promise.all([limiters.byAccount.get(`${email}|${ip}`), limiters.byIp.get(ip)]);
  const blocked = [account, byIp].filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
  return blocked.length ? Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) : 0;
}

/** Counts a failed attempt against the account+IP and the IP. */
export async function recordFailedLogin(email: string, ip: string): Promise<void> {
  await Promise.all([
    limiters.byAccount.penalty(`${email}|${ip}`, 1),
    limiters.byIp.penalty(ip, 1),
  ]);
}

/** A successful sign-in clears the account's counter. */
export async function clearFailedLogins(email: string, ip: string): Promise<void> {
  await limiters.byAccount.delete(`${email}|${ip}`);
}
