import { loadConfig } from '../../src/config/config';
import { Mailer } from '../../src/mail';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

/** The mailer against a real SMTP server started here: what arrives is what was sent, to whom it was sent. */
describe('Mailer', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());

  it('delivers the message to the recipient with its subject, text and sender', async () => {
    const mailer = new Mailer(loadConfig({ SMTP_URL: smtp.url, SMTP_FROM: 'Social Maturity <hello@smt.test>' }));
    const before = smtp.received.length;
    const outcome = await mailer.send({
      to: 'ines@example.test',
      subject: 'Uitnodiging: Oranje Transport',
      text: 'Open https://smt.test/respond/abc to answer.',
    });
    expect(outcome.sent).toBe(true);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.envelopeTo).toEqual(['ines@example.test']);
    expect(mail.subject).toBe('Uitnodiging: Oranje Transport');
    expect(mail.text).toContain('https://smt.test/respond/abc');
    expect(mail.from).toContain('hello@smt.test');
    mailer.onApplicationShutdown();
  });

  it('sends nothing and says so without SMTP_URL', async () => {
    const mailer = new Mailer(loadConfig({}));
    expect(mailer.configured).toBe(false);
    await expect(mailer.send({ to: 'a@b.test', subject: 's', text: 't' })).resolves.toEqual({ sent: false, reason: 'not-configured' });
  });

  it('fails loudly when the server cannot be reached', async () => {
    const mailer = new Mailer(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1' }));
    await expect(mailer.send({ to: 'a@b.test', subject: 's', text: 't' })).rejects.toThrow();
    mailer.onApplicationShutdown();
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
  });
});
