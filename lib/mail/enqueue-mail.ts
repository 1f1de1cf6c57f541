// Queues an e-mail. Only inserts a row (in the caller's transaction when given one): the worker
// sends it, so requests never wait for SMTP and a rolled-back action sends nothing.
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { wakeMailWorker } from "./wake";

const ZMail = z.object({
  to: z.string().trim().toLowerCase().email().max(254),
  subject: z.string().trim().min(1).max(300).refine((s) => !/[\r\n]/.test(s), "subject must be one line"),
  text: z.string().min(1).max(100_000),
  html: z.string().max(200_000).optional(),
  kind: z.string().regex(/^[a-z_]{1,40}$/).default("general"),
  workspaceId: z.string().uuid().nullish(),
});

export type MailInput = z.input<typeof ZMail>;

/** Queues one e-mail for the worker; returns its outbox id. */
export async function enqueueMail(db: DbOrTx, mail: MailInput): Promise<string> {
  const m = ZMail.parse(mail);
  const [row] = await db
    .insert(mailOutbox)
    .values({ recipient: m.to, subject: m.subject, text: m.text, html: m.html ?? null, kind: m.kind, workspaceId: m.workspaceId ?? null })
    .returning({ id: mailOutbox.id });
  wakeMailWorker();
  return row.id;
}
