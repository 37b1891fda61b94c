import { Global, Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** Outgoing mail (invitations, response links), configured by SMTP_URL and SMTP_FROM. */
@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
