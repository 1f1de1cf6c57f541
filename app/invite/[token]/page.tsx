// The invitation link (public route): shows the workspace and role; a signed-in user accepts,
// anyone else signs in (password or SSO) or signs up and comes back here.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth/config";
import { getDb } from "@/db/client";
import { findAccessById } from "@/db/queries/memberships";
import { findInvitation } from "@/lib/members/find-invitation";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { ZInvitationToken } from "@/lib/validations/members";
import { switchAccountForInvitationAction } from "@/lib/actions/members/switch-account";
import { AcceptInvitationButton } from "@/components/members/accept-invitation-button";
import { LanguageSwitch } from "@/components/ui/language-switch";

export async function generateMetadata() {
  const t = await getTranslations("members");
  return { title: t("inviteTitle") };
}

// Never cache: the invitation's state (used, revoked) changes.
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("members");
  const te = await getTranslations("errors");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const parsed = ZInvitationToken.safeParse(token);
  const db = await getDb();
  const invitation = parsed.success ? await findInvitation(db, parsed.data) : null;
  const session = await auth();
  const userId = session?.user?.id ?? null;
  const membership = invitation && userId ? await findAccessById(db, userId, invitation.workspace.id) : null;
  const here = safeCallbackUrl(`/invite/${encodeURIComponent(token)}`);

  let body: React.ReactNode;
  if (!invitation) {
    body = (
      <>
        <h1 className="text-lg font-semibold">{t("invitePageNotFoundTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600" role="alert">{t("invitePageNotFound")}</p>
        <Link href="/" className="mt-5 inline-block text-sm font-medium text-brand-600 hover:underline">{t("invitePageHome")}</Link>
      </>
    );
  } else if (invitation.status !== "valid") {
    body = (
      <>
        <h1 className="text-lg font-semibold">{invitation.status === "expired" ? t("invitePageExpiredTitle") : t("invitePageUsedTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600" role="alert" data-testid="invitation-error">{te(invitation.status)}</p>
        {membership ? (
          <Link href={`/w/${membership.slug}`} className="mt-5 inline-block text-sm font-medium text-brand-600 hover:underline">
            {t("invitePageOpenWorkspace", { workspace: membership.name })}
          </Link>
        ) : (
          <Link href="/" className="mt-5 inline-block text-sm font-medium text-brand-600 hover:underline">{t("invitePageHome")}</Link>
        )}
      </>
    );
  } else {
    const role = tc(`roles.${invitation.role}`);
    body = (
      <>
        <h1 className="text-lg font-semibold">{t("inviteTitlePage", { workspace: invitation.workspace.name })}</h1>
        <div className="mt-2 space-y-1 text-sm text-slate-600">
          <p data-testid="invitation-role">
            {invitation.departmentName ? t("invitePageRoleDepartment", { role, department: invitation.departmentName }) : t("invitePageRole", { role })}
          </p>
          {invitation.invitedByName ? <p>{t("invitePageInvitedBy", { name: invitation.invitedByName })}</p> : null}
          <p>{t("invitePageExpires", { date: format.dateTime(invitation.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
        </div>
        <div className="mt-6">
          {userId ? (
            <>
              <p className="mb-3 text-sm text-slate-700">{t("invitePageSignedInAs", { email: session?.user?.email ?? "" })}</p>
              <AcceptInvitationButton token={token} workspaceName={invitation.workspace.name} />
              <form action={switchAccountForInvitationAction} className="mt-4 text-center">
                <input type="hidden" name="token" value={token} />
                <button type="submit" className="text-sm text-slate-600 hover:underline">{t("invitePageNotYou")}</button>
              </form>
            </>
          ) : (
            <div className="space-y-3">
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}
                className="flex w-full items-center justify-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                {t("invitePageSignIn")}
              </Link>
              <p className="text-center text-sm text-slate-600">
                {t("invitePageNewHere")}{" "}
                <Link
                  className="font-medium text-brand-600 hover:underline"
                  href={`/sign-up?invitation=${encodeURIComponent(token)}&email=${encodeURIComponent(invitation.email)}`}
                >
                  {t("invitePageSignUp")}
                </Link>
              </p>
            </div>
          )}
        </div>
      </>
    );
  }

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <div className="absolute right-4 top-4"><LanguageSwitch /></div>
      <div className="mb-6 flex items-center gap-2 text-lg font-semibold text-slate-900">
        <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-gradient-to-br from-brand-500 to-pink-500" />
        Journeyboard
      </div>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{body}</div>
    </main>
  );
}
