// The SMTP transport (nodemailer) for SMTP_URL, or null when mail only goes to the log.
import nodemailer, { type Transporter } from "nodemailer";

export type MailTransport = Pick<Transporter, "sendMail" | "close">;

/** A nodemailer transport for an `smtp://` / `smtps://` URL (credentials in the URL), or null without one. */
export function createMailTransport(smtpUrl: string | undefined): MailTransport | null {
  if (!smtpUrl) return null;
  // Short timeouts: a hanging server should fail the attempt and let backoff retry, not pin the worker.
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // `?tls=off` for local test servers without STARTTLS; otherwise nodemailer upgrades when offered.
    ignoreTLS: url.searchParams.get("tls") === "off",
  });
}
