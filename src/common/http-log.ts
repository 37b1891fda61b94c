import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What an access log line says about a request and its response. pino-http binds the request to a child logger
 * for every request, at any log level, so this runs once per request: a few fields, no headers (no credentials
 * to redact, nothing to copy), plus the tenant the request asked for.
 */
/** A response link's token is a credential: the access log shows /respond/[token], never the token. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/^\/respond\/[^?#]*/, '/respond/[token]');
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * The request's id: the caller's X-Request-Id when it is a plain token (letters, digits, `_.:-`, up to 100), else a
 * new UUID. Kept on the request, so Fastify's request id, the access log and the request context agree.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  return id;
}

export function requestLogFields(req: IncomingMessage & { id?: unknown; originalUrl?: string }) {
  const tenant = req.headers['x-tenant-id'];
  return {
    id: req.id,
    method: req.method,
    // The middleware engine shortens req.url to the part after its mount path; originalUrl is what was asked.
    url: redactUrl(req.originalUrl ?? req.url),
    tenant: typeof tenant === 'string' ? tenant.slice(0, 100) : undefined,
    remoteAddress: req.socket?.remoteAddress,
  };
}

/** The status, and the API key that made the request (its id, set by the access guard; never the secret). */
export function responseLogFields(res: ServerResponse & { req?: { apiKey?: { id?: string } } }) {
  const apiKey = res.req?.apiKey?.id;
  return apiKey ? { statusCode: res.statusCode, apiKey } : { statusCode: res.statusCode };
}
