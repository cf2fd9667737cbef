import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { mailOutbox, type MailAttachment } from './mail.schema.ts';

export type MailMessage = {
  boardId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
};

export type Mailer = {
  /** Stores the message in the outbox and, when SMTP is configured, sends it. Never throws on SMTP failure. */
  send(db: Db, message: MailMessage): Promise<{ id: string; status: 'stored' | 'sent' | 'failed' }>;
  close(): void;
};

export function createMailer(opts: { smtpUrl?: string | undefined; from: string; log?: Logger }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return {
    async send(db, message) {
      const [row] = await db
        .insert(mailOutbox)
        .values({
          boardId: message.boardId,
          toAddress: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html ?? null,
          attachments: message.attachments ?? [],
        })
        .returning({ id: mailOutbox.id });
      const id = row!.id;
      if (!transport) return { id, status: 'stored' };
      try {
        await transport.sendMail({
          from: opts.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.attachments?.length ? { attachments: message.attachments } : {}),
        });
        await db.update(mailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(mailOutbox.id, id));
        return { id, status: 'sent' };
      } catch (err) {
        opts.log?.warn({ err: (err as Error).message, outboxId: id }, 'mail not sent');
        await db
          .update(mailOutbox)
          .set({ status: 'failed', error: (err as Error).message.slice(0, 500) })
          .where(eq(mailOutbox.id, id));
        return { id, status: 'failed' };
      }
    },
    close() {
      transport?.close();
    },
  };
}
