/**
 * The entry of `npm run demo` (dist/scripts/demo.js); the demo itself lives in scripts/demo/:
 *
 *   organisations.ts  the twelve clients, the eight peers and the name and task lists they draw from
 *   survey-draws.ts   weighted draws whose weights are the 2012 survey's figures (src/peer-benchmark/survey-2012.ts)
 *   plan.ts           what each client draws once (seeded by src/common/prng.ts)
 *   history.ts        a client's facts and answers in each of its six quarters, and the quarters' dates
 *   api.ts            a small GraphQL client; reconcile.ts brings a tenant's facts to a period's state
 *   load.ts           loads clients and peers through the API; summary.ts prints the result; main.ts boots the app
 *
 * `npm run demo`: a demo consultant with twelve client organisations, each with teams, members, responsibility
 * owners, initiatives with KPIs and six quarters of assessment history; and a second account owning eight peer
 * organisations of the 50-249 band, so that the benchmark shows a real release there (domain.md, "Benchmark":
 * a release needs 10 eligible tenants of a band).
 *
 * Everything goes through the public GraphQL API of the real application, booted in this process on a free port:
 * demo data pass the same validation, row-level security and scoring as real data. The one exception is the
 * submission times. History reads in period order, so the order needs no dates; but the API stamps a submission
 * with the time it arrives (on purpose: clients cannot backdate), and a tenant counts as a benchmark peer only when
 * its submissions lie 60+ days apart by that server time. So, once a client's periods are all submitted, their
 * submitted_at are spread to dates inside their quarters through the admin connection (spreadSubmissions). That is
 * for the benchmark's eligible peers (and it makes the due dates, one cadence after the last submission, those of
 * a real history); it is for the demo only.
 *
 * Repeatable and idempotent: a seeded PRNG (mulberry32) draws the same organisations every run; names are
 * deterministic, the consultant is logged in when it exists, each period's facts are reconciled to a desired
 * state (not appended), and each submission carries the idempotency key `demo:<client>:<period>`.
 */
import { main } from './demo/main';

export { DEMO_LOGIN, DEMO_PEERS_LOGIN, loadDemo } from './demo/load';

if (require.main === module) {
  void main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
