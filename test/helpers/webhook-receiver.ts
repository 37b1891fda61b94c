import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/webhooks/signature';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** With verifyWith(secret): whether x-smt-signature verified (a failed one was answered 401). */
  verified?: boolean;
}

/** A local HTTP server on 127.0.0.1 that records webhook POSTs and answers with queued statuses (then 200). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly statuses: number[] = [];
  private waiters: (() => void)[] = [];
  private secret: string | null = null;

  private readonly server: http.Server;

  private constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const header = req.headers[SIGNATURE_HEADER];
        const verified =
          this.secret === null
            ? undefined
            : verifyWebhookSignature(this.secret, body, typeof header === 'string' ? header : undefined);
        this.received.push({ headers: req.headers, body: body.toString('utf8'), at: Date.now(), verified });
        res.statusCode = verified === false ? 401 : (this.statuses.shift() ?? 200);
        res.end('ok');
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/smt`;
  }

  /** Verifies every later request as a real receiver does (verifyWebhookSignature); refuses a bad one with 401. */
  verifyWith(secret: string): void {
    this.secret = secret;
  }

  /** Answers the next requests with these statuses. */
  respondWith(...statuses: number[]): void {
    this.statuses.push(...statuses);
  }

  /** Resolves once `count` requests have arrived; fails after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} webhook requests, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received.slice(0, count);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
