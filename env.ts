// The validated environment. A leaf module: it imports nothing of ours, so every layer may use it.
import { z } from "zod";

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://").optional(),
    DATA_DIR: z.string().min(1).default("./.data"),
    AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
    AUTH_OIDC_ISSUER: z.string().url("AUTH_OIDC_ISSUER must be a URL").optional(),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).default("SSO"),
    /** `1` for identity providers that never send `email_verified` (e.g. Entra ID): their e-mail counts as verified unless the claim is false. */
    AUTH_OIDC_TRUST_EMAIL: z.enum(["0", "1"]).default("0"),
    /** Sign a session out after this many hours without a request (default 12). */
    AUTH_IDLE_TIMEOUT_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
    DEMO: z.enum(["0", "1"]).optional(),
    /** Language of the seeded demo workspace: `en` or `de`; unset: German when LC_ALL (or else LANG) starts with "de". */
    DEMO_LOCALE: z.enum(["en", "de"]).optional(),
    LC_ALL: z.string().optional(),
    LANG: z.string().optional(),
    /** Comma-separated origins allowed besides the host a request came to (deployments behind a proxy). */
    ALLOWED_ORIGINS: z.string().optional(),
    /** `1` when a reverse proxy in front sets X-Forwarded-For; otherwise the socket's address is the client IP. */
    TRUST_PROXY: z.enum(["0", "1"]).default("0"),
    /** `0` starts the web app without the /collab WebSocket (when the sync service runs as its own process). */
    COLLAB_IN_PROCESS: z.enum(["0", "1"]).default("1"),
    /** `smtp://user:pass@host:port` (or `smtps://`; `?tls=off` skips STARTTLS): send e-mail; unset: the log and the dev mailbox. */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
    /** Sender address of every mail. */
    MAIL_FROM: z.string().min(3).default("Journeyboard <no-reply@journeyboard.local>"),
    /** Open connections per document per process (default in collab/limits.ts: 500). */
    COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: z.coerce.number().int().min(1).max(100_000).optional(),
    COLLAB_MAX_CONCURRENT_UPGRADES: z.coerce.number().int().min(1).max(1_000).optional(),
    /** Shortest expiry of a share link, in minutes (default one day; browser tests use 0 to see a link expire). */
    SHARE_LINK_MIN_EXPIRY_MINUTES: z.coerce.number().int().min(0).max(1440).default(1440),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_OIDC_ISSUER && (!env.AUTH_OIDC_ID || !env.AUTH_OIDC_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OIDC_ID"],
        message: "AUTH_OIDC_ISSUER is set: AUTH_OIDC_ID and AUTH_OIDC_SECRET are required too",
      });
    }
  });

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

/** Reads and validates process.env once; exits with a readable message when it is invalid. */
export function getEnv(): Env {
  if (cached) return cached;
  const blankToUndefined = Object.fromEntries(
    Object.entries(process.env).map(([k, v]) => [k, v === "" ? undefined : v]),
  );
  const parsed = ZEnv.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Whether the demo workspace is seeded into an empty database. */
export function isDemoEnabled(env: Env = getEnv()): boolean {
  if (env.DEMO) return env.DEMO === "1";
  return !env.DATABASE_URL;
}

/** The demo workspace's language: DEMO_LOCALE, else the system locale (LC_ALL before LANG, as POSIX). */
export function demoLocale(env: Env = getEnv()): "en" | "de" {
  if (env.DEMO_LOCALE) return env.DEMO_LOCALE;
  const system = env.LC_ALL || env.LANG || "";
  return /^de([_.-]|$)/i.test(system) ? "de" : "en";
}

export function isOidcEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET);
}
