import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import {
  isPublicAddress,
  parseWebhookUrl,
  publicOnlyLookup,
  WebhookUrlError,
  type WebhookUrlPolicy,
} from './url-guard';

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  policy: WebhookUrlPolicy;
}

export interface WebhookOutcome {
  /** A 2xx answer. Redirects are not followed: they count as failures. */
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** How much of a receiver's answer is read (and then dropped): enough to finish the exchange politely. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** One POST of a signed webhook, with the SSRF checks of delivery time. Never throws. */
@Injectable()
export class WebhookSender {
  async send(request: WebhookRequest): Promise<WebhookOutcome> {
    const started = Date.now();
    const done = (statusCode: number | null, error: string | null): WebhookOutcome => ({
      delivered: statusCode !== null && statusCode >= 200 && statusCode < 300,
      statusCode,
      error,
      durationMs: Date.now() - started,
    });
    try {
      const { url, host } = parseWebhookUrl(request.url, request.policy);
      if (!request.policy.allowPrivate && isIP(host) && !isPublicAddress(host)) {
        throw new WebhookUrlError(`${host} is not a public address`);
      }
      const statusCode = await post(url, request);
      return done(statusCode, statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}`);
    } catch (error) {
      return done(null, error instanceof Error ? error.message : String(error));
    }
  }
}

function post(url: URL, request: WebhookRequest): Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: request.policy.allowPrivate ? undefined : publicOnlyLookup,
      signal: AbortSignal.timeout(request.timeoutMs),
      agent: false,
    });
    req.on('error', (error) =>
      reject(
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? new Error(`no answer within ${request.timeoutMs} ms`)
          : error,
      ),
    );
    req.on('response', (res) => {
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) res.destroy();
      });
      res.on('close', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(res.statusCode ?? 0));
    });
    req.end(request.body);
  });
}
