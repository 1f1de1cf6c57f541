// Auth.js configuration: local accounts (credentials) and any OpenID Connect provider (SSO).
// JWT sessions; users and linked accounts are stored through the Drizzle adapter.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { getEnv, isOidcEnabled } from "@/env";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { claimUnverifiedAccount } from "@/lib/auth/claim-unverified-account";
import { dummyPasswordHash } from "@/lib/auth/dummy-hash";
import { verifyPassword } from "@/lib/auth/password";
import { idleTimeoutSeconds } from "@/lib/auth/session-policy";
import { ThrottledError, consumeSignInAttempt, rewardSignIn } from "@/lib/auth/throttle";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { requestIp } from "@/lib/server/request-info";
import { ZCredentials } from "@/lib/validations/auth";

class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

async function clientIp(): Promise<string> {
  return (await requestIp()) ?? "unknown";
}

async function buildConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  const env = getEnv();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = await clientIp();
        // Count BEFORE checking: of a burst of parallel guesses only the allowed few are checked.
        try {
          await consumeSignInAttempt(db, email, ip);
        } catch (err) {
          if (err instanceof ThrottledError) throw new RateLimitedSignIn();
          throw err;
        }
        const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
        // Unknown address or SSO-only account: scrypt still runs (against a dummy hash), so the
        // answer takes as long as for a wrong password and does not tell which accounts exist.
        const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
        if (!user?.passwordHash || !ok) {
          await recordAuditEvent(db, { action: "auth.sign_in_failed", actorId: user?.id, ip, metadata: { email } });
          return null;
        }
        await rewardSignIn(db, email, ip);
        return { id: user.id, name: user.name, email: user.email, image: user.image };
      },
    }),
  ];
  if (isOidcEnabled(env)) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      // Linking by e-mail is safe only because signIn() below refuses addresses the IdP did not
      // verify, and claims (password and sessions end) a local account whose address WE did not verify.
      allowDangerousEmailAccountLinking: true,
    });
  }

  return {
    adapter: DrizzleAdapter(db as never, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    } as never),
    // The cookie's lifetime is the idle timeout; every request through proxy.ts renews it.
    session: { strategy: "jwt", maxAge: idleTimeoutSeconds(env) },
    trustHost: true,
    secret: process.env.AUTH_SECRET,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider === "oidc") {
          // A first SSO sign-in creates or links the user by e-mail: only a verified one may.
          // `email_verified` counts only when literally true (a missing claim is not a yes), unless
          // the operator vouches for an IdP that never sends it (AUTH_OIDC_TRUST_EMAIL=1).
          const email = typeof profile?.email === "string" ? profile.email.trim().toLowerCase() : "";
          const verified = profile?.email_verified === true || (env.AUTH_OIDC_TRUST_EMAIL === "1" && profile?.email_verified !== false);
          if (!email || !verified) {
            await recordAuditEvent(db, { action: "auth.sign_in_failed", ip: await clientIp(), metadata: { provider: "oidc", email, reason: "email_not_verified" } });
            return "/sign-in?error=EmailNotVerified";
          }
          // Already linked to this IdP account: nothing to decide.
          const [linked] = await db
            .select({ userId: accounts.userId })
            .from(accounts)
            .where(and(eq(accounts.provider, account.provider), eq(accounts.providerAccountId, account.providerAccountId)))
            .limit(1);
          if (!linked) await claimUnverifiedAccount(db, { email, provider: account.provider, ip: await clientIp() });
        }
        return true;
      },
      // Every redirect Auth.js makes (callbackUrl, redirectTo) stays on this site: see safe-callback-url.ts.
      async redirect({ url, baseUrl }) {
        return new URL(safeCallbackUrl(url, baseUrl), baseUrl).toString();
      },
      async jwt({ token, user }) {
        const now = Math.floor(Date.now() / 1000);
        if (user?.id) {
          // Sign-in: stamp the current session version; "sign out everywhere" bumps it.
          const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, user.id)).limit(1);
          token.sub = user.id;
          token.sv = row?.sessionVersion ?? 0;
          token.seen = now;
          return token;
        }
        if (!token.sub) return null;
        const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, token.sub)).limit(1);
        if (!row || row.sessionVersion !== (typeof token.sv === "number" ? token.sv : 0)) return null;
        if (typeof token.seen === "number" && now - token.seen > idleTimeoutSeconds(env)) return null;
        token.seen = now;
        return token;
      },
      // Expose an explicit whitelist: the adapter's user row holds the password hash.
      async session({ session, token }) {
        return {
          expires: session.expires,
          user: { id: token.sub!, name: token.name ?? null, email: token.email ?? "", image: token.picture ?? null },
        } as typeof session;
      },
    },
    events: {
      async signIn({ user, account }) {
        await recordAuditEvent(db, {
          action: "auth.sign_in", actorId: user.id, ip: await clientIp(), metadata: { provider: account?.provider },
        });
        if (account?.provider === "oidc" && user.id) {
          // SSO proves the address; mark it verified (domain join rules rely on it).
          await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
        }
      },
      async linkAccount({ user, account }) {
        await recordAuditEvent(db, { action: "auth.account_linked", actorId: user.id, metadata: { provider: account.provider } });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(buildConfig);
