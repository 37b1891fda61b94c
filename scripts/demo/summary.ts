import { DAY, PEER_PERIODS, PERIODS } from './organisations';
import { DEMO_LOGIN, DEMO_PEERS_LOGIN, type DemoBenchmark, type loadDemo } from './load';

// ---- the summary printed at the end ------------------------------------------------------------------------------

const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - text.length)) + text;
const one = (n: number | null) => (n === null ? '—' : (Math.round(n * 10) / 10).toFixed(1));
const signed = (n: number | null) => (n !== null && Math.round(n * 10) > 0 ? `+${one(n)}` : one(n));

const placement = (b: DemoBenchmark | undefined) =>
  !b ? '—' : b.release ? (b.quarter === null ? 'release' : `quarter ${b.quarter}`) : 'survey';

export function report(result: Awaited<ReturnType<typeof loadDemo>>, port: number, started: number, now: Date): string {
  const { clients, peers, benchmarks, created } = result;
  const total = clients.length * PERIODS + peers.length * PEER_PERIODS.length;
  const lines = [
    '',
    `Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${clients.length} client organisations and ${peers.length} benchmark peers (${DEMO_PEERS_LOGIN.email}), ${total} assessments ` +
      `(this run created ${created.tenants} organisations and ${created.assessments} assessments${created.consultant ? ', and the consultant' : ''}; ` +
      `${created.factChanges} fact changes).`,
    '',
    `  Log in      ${DEMO_LOGIN.email}`,
    `  Password    ${DEMO_LOGIN.password}`,
    `  Dashboard   npm start, then open http://localhost:${port}/dashboard`,
    `  GraphQL     http://localhost:${port}/graphql (Apollo Sandbox in development)`,
    '',
    `  ${pad('client', 24)} ${padStart('staff', 5)}  ${pad('market', 6)} ${pad('culture', 12)} ${pad('set-up', 22)} ${padStart('score', 5)}  ${pad('stage', 10)} ${padStart('change', 6)}  ${pad('benchmark', 9)}  last`,
  ];
  for (const c of clients) {
    const a = c.plan.archetype;
    const overdue = now.getTime() - c.lastSubmittedAt.getTime() > 90 * DAY;
    lines.push(
      `  ${pad(c.name, 24)} ${padStart(String(a.employeeCount), 5)}  ${pad(a.market, 6)} ${pad(a.culture, 12)} ${pad(c.plan.setUp, 22)} ` +
        `${padStart(one(c.latest.overallScore), 5)}  ${pad(c.latest.stage, 10)} ${padStart(signed(c.latest.delta), 6)}  ` +
        `${pad(placement(benchmarks.get(c.id)), 9)}  ${c.latest.period}` +
        `${overdue ? ' (overdue)' : ''}${c.latest.delta !== null && c.latest.delta <= -10 ? ' (score drop)' : ''}`,
    );
  }
  lines.push('', 'Benchmark (one differentially private release per size band and UTC day, over tenants with submissions 60+ days apart):');
  for (const band of ['1-49', '50-249', '250-999', '1000+']) {
    const b = [...benchmarks.values()].find((x) => x.sizeBand === band);
    if (!b) continue;
    lines.push(
      b.release
        ? `  ${pad(band, 8)} release of ${b.release.releasedAt}: p25 ${one(b.release.p25)}, p50 ${one(b.release.p50)}, ` +
            `p75 ${one(b.release.p75)}; ${b.peerCount} eligible tenants (rounded down to a multiple of 5), epsilon ${b.release.epsilon}`
        : `  ${pad(band, 8)} fewer than 10 eligible tenants: the 2012 survey serves (${b.source})`,
    );
  }
  const example = clients.find((c) => c.name === 'Zorggroep Rivierenland') ?? clients[0];
  const benchmarked = clients.find((c) => benchmarks.get(c.id)?.release) ?? example;
  const url = `http://localhost:${port}/graphql`;
  const curl = (query: string, tenant?: string) =>
    `curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN"` +
    (tenant ? ` -H 'x-tenant-id: ${tenant}'` : '') +
    ` \\\n    -d '${JSON.stringify({ query })}'`;
  lines.push(
    '',
    'Four example queries (with `npm start` running; first get a token):',
    '',
    `  TOKEN=$(curl -s ${url} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({
      query: `mutation { logIn(email: "${DEMO_LOGIN.email}", password: "${DEMO_LOGIN.password}") { token } }`,
    }).replace(/'/g, "'\\''")}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).data.logIn.token')`,
    '',
    '  # 1. The portfolio: every client with its stage, change, due date and alerts',
    `  ${curl('{ portfolio { overdueCount entries { tenant { name } stage delta dueAt overdue weakestDimension scoreDropAlert } } }')}`,
    '',
    `  # 2. Growth of ${example.name}: six quarters, trends and the projected next stage`,
    `  ${curl('{ tenant { name growth { points { period overallScore stage } nextStage projectedNextStageAt } } }', example.id)}`,
    '',
    `  # 3. What to do next at ${example.name}: the latest findings, most severe first`,
    `  ${curl('{ tenant { latestAssessment { period overallScore stage findings { severity code recommendation } } } }', example.id)}`,
    '',
    `  # 4. Where ${benchmarked.name} stands in its size band: the day's release and its quarter`,
    `  ${curl('{ benchmark { sizeBand source peerCount quarter ownScore release { p25 p50 p75 releasedAt epsilon } } }', benchmarked.id)}`,
    '',
  );
  return lines.join('\n');
}
