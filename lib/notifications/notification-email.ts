// The text of notification e-mails (single and digest) in the recipient's language, from the
// `discuss` message namespace. Links are absolute; every mail carries the unsubscribe link.
import { isLocale, type Locale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import type { Notification } from "@/db/schema";
import { unsubscribeUrl } from "./unsubscribe-token";

export type RenderedMail = { subject: string; text: string; html: string };

type EmailMessages = Record<string, string>;

function messages(locale: Locale): EmailMessages {
  const all = loadMessages(locale) as { discuss?: { email?: EmailMessages } };
  return all.discuss?.email ?? {};
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function mailLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** One line describing a notification, e.g. "Ada mentioned you on Onboarding › Welcome e-mail". */
export function describeNotification(locale: Locale, n: Pick<Notification, "kind" | "title">, actorName: string): string {
  const m = messages(locale);
  return fill(m[`kind_${n.kind}`] ?? n.kind, { actor: actorName, title: n.title });
}

function unsubscribeBlock(locale: Locale, baseUrl: string, userId: string) {
  const url = unsubscribeUrl(baseUrl, userId);
  return {
    url,
    text: `\n\n--\n${fill(messages(locale).unsubscribe ?? "Unsubscribe: {url}", { url })}\n`,
    html: `<hr><p style="color:#64748b;font-size:12px"><a href="${escapeHtml(url)}">${escapeHtml(messages(locale).unsubscribe_link ?? "Unsubscribe")}</a></p>`,
  };
}

/** One e-mail for one notification. */
export function renderNotificationMail(
  { locale, baseUrl, userId }: { locale: Locale; baseUrl: string; userId: string },
  n: Pick<Notification, "kind" | "title" | "excerpt" | "path">,
  actorName: string,
): RenderedMail {
  const m = messages(locale);
  const line = describeNotification(locale, n, actorName);
  const link = `${baseUrl}${n.path}`;
  const unsub = unsubscribeBlock(locale, baseUrl, userId);
  const excerpt = n.excerpt ? `\n\n> ${n.excerpt.split("\n").join("\n> ")}` : "";
  return {
    subject: line.replace(/[\r\n]+/g, " ").slice(0, 300),
    text: `${line}${excerpt}\n\n${fill(m.open ?? "Open: {url}", { url: link })}${unsub.text}`,
    html:
      `<p>${escapeHtml(line)}</p>` +
      (n.excerpt ? `<blockquote style="border-left:3px solid #cbd5e1;margin:0;padding-left:8px">${escapeHtml(n.excerpt)}</blockquote>` : "") +
      `<p><a href="${escapeHtml(link)}">${escapeHtml(m.open_button ?? "Open in Journeyboard")}</a></p>${unsub.html}`,
  };
}

/** One e-mail summarising several notifications (daily digest). */
export function renderDigestMail(
  { locale, baseUrl, userId }: { locale: Locale; baseUrl: string; userId: string },
  items: { n: Pick<Notification, "kind" | "title" | "excerpt" | "path">; actorName: string }[],
): RenderedMail {
  const m = messages(locale);
  const subject = fill(m.digest_subject ?? "{count} new notifications", { count: items.length });
  const unsub = unsubscribeBlock(locale, baseUrl, userId);
  const lines = items.map(({ n, actorName }) => ({ line: describeNotification(locale, n, actorName), link: `${baseUrl}${n.path}` }));
  return {
    subject,
    text: `${subject}\n\n${lines.map((l) => `- ${l.line}\n  ${l.link}`).join("\n")}${unsub.text}`,
    html: `<p>${escapeHtml(subject)}</p><ul>${lines.map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.line)}</a></li>`).join("")}</ul>${unsub.html}`,
  };
}

export { DEFAULT_LOCALE };
