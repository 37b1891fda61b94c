import { Client, cacheExchange, fetchExchange, type CombinedError } from 'urql';
import { currentLanguage, type Language } from '../i18n/language';
import { session } from '../session';

/**
 * One urql client per tenant (and one without) and language: the x-tenant-id header picks the tenant, and
 * Accept-Language the language of the API's texts (findings, roadmap steps, errors). The document cache keys results
 * by query and variables only, so two tenants, or two languages, must never share a cache: switching the language
 * takes the other client, whose queries go to the network and come back in that language.
 */
const clients = new Map<string, Client>();

export function clientFor(tenantId: string | null, language: Language = currentLanguage()): Client {
  const key = `${language}:${tenantId ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    client = new Client({
      url: '/graphql',
      exchanges: [cacheExchange, fetchExchange],
      preferGetMethod: false,
      requestPolicy: 'cache-and-network',
      fetch: fetchEndingSession,
      fetchOptions: () => ({ headers: apiHeaders(tenantId, language) }),
    });
    clients.set(key, client);
  }
  return client;
}

/** What every call to the API carries: the bearer token, the tenant (if one), and the language shown. */
export function apiHeaders(tenantId: string | null, language: Language = currentLanguage()): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': language };
  const token = session.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (tenantId) headers['x-tenant-id'] = tenantId;
  return headers;
}

/** Sent on window when the API no longer takes this tab's token (password changed, logged out everywhere). */
export const SESSION_ENDED_EVENT = 'smt:session-ended';

/**
 * fetch, and when a request that carried a token comes back UNAUTHENTICATED, announce that the session has ended
 * (the AuthProvider then signs out: the person logs in again instead of seeing errors on every page).
 */
const fetchEndingSession: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const sentToken = new Headers(init?.headers).has('authorization');
  if (sentToken && response.headers.get('content-type')?.includes('json')) {
    const body = (await response.clone().json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
    if (body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
  }
  return response;
};

/** Forget every cached result (log-out, another user). */
export function resetClients(): void {
  clients.clear();
}

export interface ApiProblem {
  code: string;
  message: string;
  /** Input paths named by extensions.fields/details, e.g. input.name → its message. */
  fields: Record<string, string>;
}

interface Extensions {
  code?: string;
  fields?: string[];
  details?: { field: string; message: string }[];
}

/** The first error of an answer, with the fields it names (for messages next to those fields). */
export function problemOf(error: CombinedError | undefined | null): ApiProblem | null {
  if (!error) return null;
  if (error.networkError && error.graphQLErrors.length === 0) {
    return { code: 'NETWORK', message: '', fields: {} };
  }
  const first = error.graphQLErrors[0];
  const extensions = (first?.extensions ?? {}) as Extensions;
  const fields: Record<string, string> = {};
  for (const detail of extensions.details ?? []) fields[detail.field] = detail.message;
  for (const field of extensions.fields ?? []) fields[field] ??= first.message;
  return { code: extensions.code ?? 'INTERNAL_SERVER_ERROR', message: first?.message ?? '', fields };
}

/** A download that did not arrive: the contract's code (from the error body, else from the status), and the status. */
export class DownloadFailed extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
  ) {
    super(status ? `HTTP ${status}` : code);
  }
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * GET /exports/... or /reports/... with the token, tenant and language, saved as a file the browser downloads.
 * Rejects with DownloadFailed on anything but a 2xx, or when the service cannot be reached (the caller says so).
 * Saved, not opened in a tab: a blob opened from the workspace inherits its content security policy (no inline
 * style), which would strip a self-contained HTML report of its layout.
 */
export async function download(path: string, tenantId: string | null, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: apiHeaders(tenantId) });
  } catch {
    throw new DownloadFailed('NETWORK', null);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: unknown } } | null;
    const code = typeof body?.error?.code === 'string' ? body.error.code : (CODE_OF_STATUS[response.status] ?? 'INTERNAL_SERVER_ERROR');
    throw new DownloadFailed(code, response.status);
  }
  const name = fileNameOf(response.headers.get('content-disposition') ?? '') ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name a Content-Disposition header gives: filename*=UTF-8''... (RFC 6266) first, then filename="...". */
export function fileNameOf(disposition: string): string | null {
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed encoding: the plain name then.
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1] ?? null;
}
