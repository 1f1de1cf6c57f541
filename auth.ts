// Auth.js configuration: local accounts (credentials) and any OpenID Connect provider (SSO).
// JWT sessions; users and linked accounts are stored through the Drizzle adapter.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { getEnv, isOidcEnabled } from "@/env";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clearFailedLogins, loginRetryAfter, recordFailedLogin } from "@/lib/auth/login-rate-limit";
import { verifyPassword } from "@/lib/auth/password";
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
        if ((await loginRetryAfter(email, ip)) > 0) throw new RateLimitedSignIn();
        const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
        if (!user || !(await verifyPassword(password, user.passwordHash))) {
          await recordFailedLogin(email, ip);
          await recordAuditEvent(db, { action: "auth.sign_in_failed", actorId: user?.id, ip, metadata: { email } });
          return null;
        }
        await clearFailedLogins(email, ip);
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
      // Linking by e-mail is safe only because signIn() below refuses unverified addresses.
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
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    trustHost: true,
    secret: process.env.AUTH_SECRET,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider === "oidc") {
          // A first SSO sign-in creates or links the user by e-mail: only a verified one may.
          return Boolean(profile?.email) && profile?.email_verified !== false;
        }
        return true;
      },
      // Every redirect Auth.js makes (callbackUrl, redirectTo) stays on this site: see safe-callback-url.ts.
      async redirect({ url, baseUrl }) {
        return new URL(safeCallbackUrl(url, baseUrl), baseUrl).toString();
      },
      async jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
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
