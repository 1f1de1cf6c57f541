import Link from "next/link";
import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listAccessTokens } from "@/db/queries/personal-access-tokens";
import { users } from "@/db/schema";
import { requireUser } from "@/lib/auth/page-access";
import { Card, PageHeader } from "@/components/ui/card";
import { AccessTokens } from "@/components/account/access-tokens";
import { LanguageForm } from "@/components/account/language-form";
import { ProfileForm } from "@/components/account/profile-form";
import { EmailModeForm } from "@/components/discuss/email-mode-form";
import { getEmailMode } from "@/lib/notifications/notification-settings";
import { SecuritySection } from "@/components/security/security-section";
import { getEnv } from "@/env";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ passwordChanged?: string }> }) {
  const { userId } = await requireUser();
  const t = await getTranslations("account");
  const ts = await getTranslations("security");
  const changed = (await searchParams).passwordChanged === "1";
  const db = await getDb();
  const [[user], tokens, emailMode] = await Promise.all([
    db.select({ name: users.name, email: users.email, passwordHash: users.passwordHash, emailVerified: users.emailVerified }).from(users).where(eq(users.id, userId)),
    listAccessTokens(db, userId),
    getEmailMode(db, userId),
  ]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center gap-3 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
            <span aria-hidden className="inline-block h-5 w-5 rounded-md bg-gradient-to-br from-brand-500 to-pink-500" />
            Journeyboard
          </Link>
          <Link href="/" className="ml-auto text-sm text-brand-600 hover:underline">{t("back")}</Link>
        </div>
      </header>
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
        <PageHeader title={t("title")} description={t("description")} />
        <Card className="p-5">
          <h2 className="mb-4 text-base font-semibold text-slate-900">{t("profile")}</h2>
          <ProfileForm name={user.name ?? ""} email={user.email} />
        </Card>
        <Card className="p-5" id="security">
          <h2 className="text-base font-semibold text-slate-900">{ts("securityTitle")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{ts("securityText")}</p>
          <SecuritySection hasPassword={Boolean(user.passwordHash)} verified={Boolean(user.emailVerified)} changed={changed} idleHours={getEnv().AUTH_IDLE_TIMEOUT_HOURS} />
        </Card>
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">{t("language")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("languageText")}</p>
          <LanguageForm />
        </Card>
        <Card className="p-5">
          <EmailModeForm initial={emailMode} />
        </Card>
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">{t("tokens")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("tokensText")}</p>
          <AccessTokens
            tokens={tokens.map((tok) => ({
              id: tok.id, name: tok.name, prefix: tok.prefix, createdAt: tok.createdAt.toISOString(),
              lastUsedAt: tok.lastUsedAt?.toISOString() ?? null, expiresAt: tok.expiresAt?.toISOString() ?? null,
            }))}
          />
        </Card>
      </main>
    </div>
  );
}
