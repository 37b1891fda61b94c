/**
 * Reports: generation time and size per report (issue 18). Sequential requests against the application, one at a
 * time (a report is CPU-bound: its time is the server's work, not queueing), each response checked.
 */
import type { BenchData } from './generate';

export interface ReportMeasurement {
  kind: 'assessment-pdf' | 'assessment-html' | 'portfolio-pdf';
  reports: number;
  msPerReport: number;
  p95Ms: number;
  kbPerReport: number;
}

export async function measureReports(
  port: number,
  data: BenchData,
  tokenOf: (userId: string) => string,
  count: number,
  say: (line: string) => void,
): Promise<ReportMeasurement[]> {
  const base = `http://127.0.0.1:${port}`;
  const plans: {
    kind: ReportMeasurement['kind'];
    request: (i: number) => { url: string; headers: Record<string, string> };
    type: string;
  }[] = [
    {
      kind: 'assessment-pdf',
      type: 'application/pdf',
      request: (i) => assessmentRequest(base, data, tokenOf, i, 'pdf'),
    },
    {
      kind: 'assessment-html',
      type: 'text/html',
      request: (i) => assessmentRequest(base, data, tokenOf, i, 'html'),
    },
    {
      kind: 'portfolio-pdf',
      type: 'application/pdf',
      request: (i) => {
        const consultant = data.dashboards[i % data.dashboards.length];
        return {
          url: `${base}/reports/portfolio.pdf`,
          headers: { authorization: `Bearer ${tokenOf(consultant.userId)}` },
        };
      },
    },
  ];
  const results: ReportMeasurement[] = [];
  for (const plan of plans) {
    // One unmeasured request first: fonts, templates and the chart library load once per process.
    await fetchReport(plan.request(0), plan.type);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      bytes += await fetchReport(plan.request(i), plan.type);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const result = {
      kind: plan.kind,
      reports: count,
      msPerReport: round(times.reduce((sum, t) => sum + t, 0) / count),
      p95Ms: round(times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]),
      kbPerReport: round(bytes / count / 1024),
    };
    say(
      `reports: ${plan.kind} ${result.msPerReport} ms/report (p95 ${result.p95Ms} ms), ${result.kbPerReport} KB/report over ${count}`,
    );
    results.push(result);
  }
  return results;
}

function assessmentRequest(
  base: string,
  data: BenchData,
  tokenOf: (userId: string) => string,
  i: number,
  format: 'pdf' | 'html',
) {
  const read = data.reads[i % data.reads.length];
  return {
    url: `${base}/reports/assessments/${read.assessmentId}.${format}`,
    headers: {
      authorization: `Bearer ${tokenOf(read.userId)}`,
      'x-tenant-id': read.tenantId,
      'accept-language': i % 2 ? 'nl-NL,nl;q=0.9' : 'en',
    },
  };
}

async function fetchReport(
  request: { url: string; headers: Record<string, string> },
  type: string,
): Promise<number> {
  const res = await fetch(request.url, { headers: request.headers });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200 || !res.headers.get('content-type')?.startsWith(type)) {
    throw new Error(`report ${request.url}: ${res.status} ${body.subarray(0, 200).toString()}`);
  }
  return body.length;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
