// The public view of a share link (no account): 404 once the link is revoked or expired (or its
// document deleted), a password form when the link has one, else the document read-only and live.
// Never indexed: robots meta here, X-Robots-Tag from proxy.ts.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requestIp } from "@/lib/server/request-info";
import { findActiveShareLink, recordShareLinkOpen } from "@/lib/sharing/open-share-link";
import { shareUnlockCookieName, signShareCollabCredential, verifyShareUnlock } from "@/lib/sharing/share-credential";
import { findShareTargetTitle, shareDocName } from "@/lib/sharing/share-targets";
import { SharePasswordForm } from "@/components/sharing/share-password-form";
import { SharedView } from "@/components/sharing/shared-view";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { token } = await params;
  const db = await getDb();
  const link = await findActiveShareLink(db, token);
  // The title is only revealed once the password (if any) was given.
  const unlocked = link && (!link.hasPassword || verifyShareUnlock((await cookies()).get(shareUnlockCookieName(link.id))?.value, link.id));
  const title = link && unlocked ? await findShareTargetTitle(db, link.kind, link.docId) : "Journeyboard";
  return { title, robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" };
}

export default async function SharedPage({ params }: Params) {
  const { token } = await params;
  const db = await getDb();
  const link = await findActiveShareLink(db, token);
  if (!link) notFound();
  if (link.hasPassword && !verifyShareUnlock((await cookies()).get(shareUnlockCookieName(link.id))?.value, link.id)) {
    return <SharePasswordForm token={token} />;
  }
  await recordShareLinkOpen(db, link, await requestIp());
  const docName = shareDocName(link.kind, link.docId);
  const { credential } = signShareCollabCredential(link.id, docName);
  const title = await findShareTargetTitle(db, link.kind, link.docId);
  return <SharedView token={token} kind={link.kind} docName={docName} credential={credential} showNames={link.showNames} initialTitle={title} />;
}
