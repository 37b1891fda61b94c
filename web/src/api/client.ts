import { Client, cacheExchange, fetchExchange, type CombinedError } from 'urql';
import { session } from '../session';

/**
 * One urql client per tenant (and one without): the x-tenant-id header picks the tenant, and the document cache
 * keys results by query and variables only, so two tenants must never share a cache.
 */
const clients = new Map<string, Client>();

export function clientFor(tenantId: string | null): Client {
  const key = tenantId ?? '';
  let client = clients.get(key);
  if (!client) {
    client = new Client({
      url: '/graphql',
      exchanges: [cacheExchange, fetchExchange],
      preferGetMethod: false,
      requestPolicy: 'cache-and-network',
      fetch: fetchEndingSession,
      fetchOptions: () => {
        const headers: Record<string, string> = {};
        const token = session.token;
        if (token) headers.authorization = `Bearer ${token}`;
        if (tenantId) headers['x-tenant-id'] = tenantId;
        return { headers };
      },
    });
    clients.set(key, client);
  }
  return client;
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

/** GET /exports/... with the bearer token, saved as a file the browser downloads. */
export async function download(path: string, tenantId: string | null, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = {};
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (tenantId) headers['x-tenant-id'] = tenantId;
  const response = await fetch(path, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
