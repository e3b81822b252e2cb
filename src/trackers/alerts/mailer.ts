/**
 * Email for practice alerts, sent only where SMTP is configured (SMTP_URL, e.g. smtp://mail.example:25 or
 * smtps://user:password@mail.example:465; SMTP_FROM for the sender). Messages never name a child: the
 * subject and body give the alert number and a link to it in Oversight, where access is checked and logged.
 * Sending happens after the change is stored and never undoes it: a failure is logged.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  readonly enabled: boolean;
  /** Queues a message; resolves when it has been handed to the SMTP server (or failed, logged). */
  send(message: MailMessage): Promise<void>;
  /** Resolves when every queued message has been sent or has failed. */
  idle(): Promise<void>;
}

export function createMailer(options: {
  smtpUrl?: string | null;
  from?: string | null;
  logger?: Logger;
}): Mailer {
  const pending = new Set<Promise<void>>();
  const idle = async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  };
  if (!options.smtpUrl) {
    return { enabled: false, send: () => Promise.resolve(), idle };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  const from = options.from || 'Oversight <oversight@localhost>';
  return {
    enabled: true,
    idle,
    send(message) {
      const to = [...new Set(message.to.filter(Boolean))];
      if (!to.length) return Promise.resolve();
      const sending = transport
        .sendMail({ from, to, subject: message.subject, text: message.text })
        .then(
          () => undefined,
          (error: unknown) => {
            options.logger?.warn({ err: error, subject: message.subject }, 'practice alert email not sent');
          },
        )
        .finally(() => pending.delete(sending));
      pending.add(sending);
      return sending;
    },
  };
}
