import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config';

/** One message: plain text always, HTML optional (clients that show HTML get it, the rest the text). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** What became of a message: sent (with the server's message id) or not configured (no SMTP_URL). */
export type MailOutcome = { sent: true; messageId: string } | { sent: false; reason: 'not-configured' };

/**
 * Outgoing mail through nodemailer over SMTP_URL. Without SMTP_URL nothing is sent and callers are told so (they
 * then hand the link to the person who asked, once). A failure to send is thrown: the caller decides whether the
 * operation fails with it. Recipients and subjects are logged, never bodies (they carry single-use links).
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail ? createTransport(config.mail.url) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(message: MailMessage): Promise<MailOutcome> {
    if (!this.transport || !this.config.mail) return { sent: false, reason: 'not-configured' };
    const info = (await this.transport.sendMail({ from: this.config.mail.from, ...message })) as { messageId: string };
    this.logger.log({ msg: 'mail sent', to: message.to, subject: message.subject });
    return { sent: true, messageId: info.messageId };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
