/** The request builders of Q4 (the client page) and Q5 (a campaign response), for run.ts's specFor. */
import type { BenchData } from './generate';
import type { HttpRequestSpec } from './load';
import { checkClientPage, checkResponse, Q4_QUERY, Q5_MUTATION, responseFor, type Check } from './workloads';

const why = (check: Check): string | null => (check.ok ? null : (check.why ?? 'wrong response'));

/** Q4: the tenants' owners in turn, each reading their client page. */
export function clientPageSpec(data: BenchData, tokenOf: (userId: string) => string): HttpRequestSpec {
  let n = 0;
  return {
    next: () => {
      const page = data.clientPages[n++ % data.clientPages.length];
      return {
        body: JSON.stringify({ query: Q4_QUERY }),
        headers: { authorization: `Bearer ${tokenOf(page.userId)}`, 'x-tenant-id': page.tenantId },
        check: (status, body) =>
          why(
            checkClientPage(status, body, {
              tenantId: page.tenantId,
              actions: page.openActions,
              campaign: page.campaignId,
            }),
          ),
      };
    },
  };
}

/** Q5: the response links in turn, no login; every link answers again and again (the last answer counts). */
export function campaignResponseSpec(data: BenchData, counter: { responses: number }): HttpRequestSpec {
  return {
    next: () => {
      const variables = responseFor(counter.responses++, data.responseTokens);
      return {
        body: JSON.stringify({ query: Q5_MUTATION, variables }),
        headers: {},
        check: (status, body) => why(checkResponse(status, body)),
      };
    },
  };
}
