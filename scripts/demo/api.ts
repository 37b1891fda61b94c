// ---- the GraphQL API over HTTP -----------------------------------------------------------------------------------

interface GqlError {
  message: string;
  extensions?: { code?: string };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export type Gql = <T>(query: string, variables?: Record<string, unknown>, tenant?: string) => Promise<T>;

export function client(baseUrl: string, token: () => string | null): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}, tenant?: string): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (tenant) headers['x-tenant-id'] = tenant;
    const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: GqlError[] };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new ApiError(`${first.message} (${first.extensions?.code ?? res.status})`, first.extensions?.code);
    }
    return body.data as T;
  };
}
