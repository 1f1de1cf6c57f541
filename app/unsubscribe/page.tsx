// The unsubscribe link of notification e-mails (public route, no sign-in): a signed token names
// the user; a button (not the GET itself — mail scanners open links) turns the e-mails off.
import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

export async function generateMetadata() {
  const t = await getTranslations("discuss");
  return { title: t("unsubscribe.title") };
}

export const dynamic = "force-dynamic";

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { u = "", t: token = "", done } = await searchParams;
  const t = await getTranslations("discuss");
  const valid = u.length > 0 && u.length <= 100 && token.length > 0 && token.length <= 100 && verifyUnsubscribeToken(u, token);
  const db = await getDb();
  const [user] = valid ? await db.select({ email: users.email }).from(users).where(eq(users.id, u)).limit(1) : [];
  return (
    <main className="mx-auto mt-24 max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold">{t("unsubscribe.title")}</h1>
      {!user ? (
        <p role="alert" className="mt-2 text-sm text-red-600">{t("unsubscribe.invalid")}</p>
      ) : done ? (
        <p role="status" className="mt-2 text-sm text-slate-700" data-testid="unsubscribed">{t("unsubscribe.done")}</p>
      ) : (
        <form method="post" action="/api/unsubscribe" className="mt-3">
          <p className="text-sm text-slate-700">{t("unsubscribe.confirm", { email: user.email })}</p>
          <input type="hidden" name="u" value={u} />
          <input type="hidden" name="t" value={token} />
          <button type="submit" className="mt-4 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("unsubscribe.button")}
          </button>
        </form>
      )}
    </main>
  );
}
