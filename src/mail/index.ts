export { MailModule } from './mail.module';
export { Mailer, type MailMessage, type MailOutcome } from './mailer';
