// A real SMTP server for tests (smtp-server on port 0). Mails are parsed with mailparser so tests
// read subject, text and links exactly as a mail client would.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; html: string | null; raw: string };

export type TestSmtpServer = {
  port: number;
  /** `smtp://user:pass@127.0.0.1:port?tls=off` for SMTP_URL. */
  url: string;
  mails: ReceivedMail[];
  /** Waits for a mail to `to` matching `subject` (and not yet returned by an earlier call). */
  waitFor: (to: string, opts?: { subject?: RegExp; timeoutMs?: number }) => Promise<ReceivedMail>;
  /** Makes the next `n` deliveries fail with a temporary error (tests retry with backoff). */
  failNext: (n: number) => void;
  close: () => Promise<void>;
};

export async function startTestSmtpServer(options: { user?: string; pass?: string; port?: number } = {}): Promise<TestSmtpServer> {
  const user = options.user ?? "mailer";
  const pass = options.pass ?? "s3cret";
  const mails: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  let failures = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const err = new Error("try again later") as Error & { responseCode: number };
          err.responseCode = 451;
          return cb(err);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : null,
              raw,
            });
            cb();
          })
          .catch((err: Error) => cb(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${user}:${pass}@127.0.0.1:${port}?tls=off`,
    mails,
    failNext: (n) => {
      failures = n;
    },
    async waitFor(to, opts = {}) {
      const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
      for (;;) {
        const mail = mails.find((m) => !taken.has(m) && m.to.includes(to.toLowerCase()) && (!opts.subject || opts.subject.test(m.subject)));
        if (mail) {
          taken.add(mail);
          return mail;
        }
        if (Date.now() > deadline) throw new Error(`no mail to ${to}${opts.subject ? ` matching ${opts.subject}` : ""} (got: ${mails.map((m) => `${m.to.join(",")}: ${m.subject}`).join("; ") || "none"})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first http(s) link in a mail's text. */
export function firstLink(mail: ReceivedMail): string {
  const m = mail.text.match(/https?:\/\/\S+/);
  if (!m) throw new Error(`no link in mail "${mail.subject}"`);
  return m[0];
}
