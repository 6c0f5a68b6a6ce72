import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { ENV, type Env } from '../config/env';

export interface OutgoingMail {
  emailId: string;
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  /** Stable per delivery, so a receiving system can recognise a repeated transmission. */
  messageId: string;
}

export interface SendResult {
  messageId: string;
  /** Where an .eml was written, when there is no SMTP server. */
  file?: string;
}

/** A send failure that retrying the same message will not cure (an SMTP 5xx reply). */
export const isPermanentSmtpError = (e: unknown): boolean => {
  const err = e as { permanent?: boolean; responseCode?: number };
  if (typeof err?.permanent === 'boolean') return err.permanent;
  return typeof err?.responseCode === 'number' && err.responseCode >= 500 && err.responseCode !== 503;
};

/**
 * Sends through pooled SMTP from SMTP_URL (query options of the URL, e.g. `?requireTLS=true`,
 * are nodemailer's). Without SMTP_URL, each mail is built in full and written as an .eml file
 * into MAIL_DIR (named by the email's id, so writing it again replaces it).
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly dir: string | null;

  constructor(@Inject(ENV) env: Env) {
    const defaults = { from: env.MAIL_FROM };
    if (env.SMTP_URL) {
      this.dir = null;
      this.transport = createTransport({
        pool: true,
        url: env.SMTP_URL,
        maxConnections: 5,
        maxMessages: 500,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }, defaults);
    } else {
      this.dir = resolve(env.MAIL_DIR);
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' }, defaults);
      this.logger.log(`SMTP_URL is not set: mails are written as .eml files into ${this.dir}`);
    }
  }

  get mode(): 'smtp' | 'files' {
    return this.dir ? 'files' : 'smtp';
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const info = await this.transport.sendMail({
      to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      headers: { 'X-Alliance-Email-Id': mail.emailId },
    });
    if (!this.dir) return { messageId: info.messageId };
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${mail.emailId}.eml`);
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, info.message as Buffer);
    await rename(partial, file);
    return { messageId: info.messageId, file };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
