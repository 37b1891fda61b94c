import autocannon from 'autocannon';

export interface HttpRequestSpec {
  /** Builds the next request: its body, headers, and the check of its response. */
  next(): { body: string; headers: Record<string, string>; check: (status: number, body: string) => string | null };
}

export interface LoadResult {
  requests: number;
  durationMs: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  firstError?: string;
}

interface RequestContext {
  check?: (status: number, body: string) => string | null;
}

/** Drives one HTTP contender with autocannon for `seconds`; every response is checked. */
export async function httpLoad(port: number, connections: number, seconds: number, spec: HttpRequestSpec): Promise<LoadResult> {
  let errors = 0;
  let checked = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>, context: RequestContext) => {
          const built = spec.next();
          context.check = built.check;
          return { ...req, method: 'POST', path: '/graphql', body: built.body, headers: { 'content-type': 'application/json', ...built.headers } };
        },
        onResponse: (status: number, body: string, context: RequestContext) => {
          checked += 1;
          const problem = context.check ? context.check(status, body) : null;
          if (problem) {
            errors += 1;
            firstError ??= problem;
          }
        },
      },
    ],
  });
  const durationMs = performance.now() - started;
  const transportErrors = result.errors + result.timeouts + result.non2xx;
  if (transportErrors > 0) {
    errors += transportErrors;
    firstError ??= `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`;
  }
  return {
    requests: checked,
    durationMs,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    firstError,
  };
}
