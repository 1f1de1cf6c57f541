// E-mail for the whole app. Queue with `enqueueMail` (never blocks a request); server.ts starts the
// worker with `startMailFromEnv`; without SMTP_URL mail goes to the log and the owners' dev mailbox.
import type { Database } from "@/db/client";
import { getEnv } from "@/env";
import { createMailTransport } from "./transport";
import { setMailWake } from "./wake";
import { startMailWorker, type MailWorker } from "./worker";

export { enqueueMail, type MailInput } from "./enqueue-mail";
export { listDevMailbox, type DevMail } from "./dev-mailbox";
export { deliverDueMail, startMailWorker, backoffSeconds, type MailWorker, type MailWorkerOptions } from "./worker";
export { createMailTransport, type MailTransport } from "./transport";

/** Whether mail really leaves the app (SMTP_URL set); otherwise the dev mailbox page is shown. */
export function isSmtpConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

/** Starts the delivery worker for this process from SMTP_URL / MAIL_FROM and wires `enqueueMail`'s wake-up. */
export function startMailFromEnv(db: Database): MailWorker {
  const env = getEnv();
  const worker = startMailWorker(db, { transport: createMailTransport(env.SMTP_URL), from: env.MAIL_FROM });
  setMailWake(worker.kick);
  return {
    kick: worker.kick,
    stop: async () => {
      setMailWake(undefined);
      await worker.stop();
    },
  };
}
