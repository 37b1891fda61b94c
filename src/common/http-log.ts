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

export function requestLogFields(req: IncomingMessage & { id?: unknown }) {
  const tenant = req.headers['x-tenant-id'];
  return {
    id: req.id,
    method: req.method,
    url: redactUrl(req.url),
    tenant: typeof tenant === 'string' ? tenant.slice(0, 100) : undefined,
    remoteAddress: req.socket?.remoteAddress,
  };
}

/** The status, and the API key that made the request (its id, set by the access guard; never the secret). */
export function responseLogFields(res: ServerResponse & { req?: { apiKey?: { id?: string } } }) {
  const apiKey = res.req?.apiKey?.id;
  return apiKey ? { statusCode: res.statusCode, apiKey } : { statusCode: res.statusCode };
}
