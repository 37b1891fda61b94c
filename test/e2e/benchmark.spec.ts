import type { Client } from 'pg';
import {
  addMember,
  createTenant,
  DEFAULT_PROFILE,
  signUp,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app';
import { insertAssessment, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

const BENCHMARK = `{ benchmark { sizeBand peerCount percentile source minimumPeers ownScore
  survey { source year respondents satisfaction { highlySatisfied satisfied somewhat notAtAll }
           measured { followersLikes sales } setUp { dedicatedTeam onTopOfOtherDuties hybridWithAgency fullyOutsourced }
           teamSize { onePerson } departments { marketing legal salesMentioned }
           managementSupport { verySupportive } selfRated { advanced intermediate beginner } } } }`;

/** The reference definition: (lower + 0.5 * equal) / n * 100. */
function percentileOf(own: number, peers: number[]): number {
  const lower = peers.filter((p) => p < own).length;
  const equal = peers.filter((p) => p === own).length;
  return ((lower + 0.5 * equal) / peers.length) * 100;
}

/**
 * The 1000+ band is used by this file alone, except possibly a tenant of another spec that moved into it (the test
 * database is shared by the run's files): those are read first and taken into account.
 */
describe('peer benchmark (GraphQL)', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let viewer: TestUser;
  let subject: string;
  let foreign: number[];

  async function benchmark(user: TestUser, tenant = subject) {
    return ok(await t.gql(BENCHMARK, {}, { token: user.token, tenant })).benchmark;
  }

  async function addPeer(score: number, employeeCount = 1000 + foreign.length): Promise<string> {
    const peer = await insertTenant(admin, { employeeCount });
    await insertAssessment(admin, peer, { overallScore: score });
    return peer;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    owner = await signUp(t.gql, 'Owner');
    viewer = await signUp(t.gql, 'Viewer');
    subject = await createTenant(t.gql, owner, {
      name: 'Big Co',
      profile: { ...DEFAULT_PROFILE, employeeCount: 2500 },
    });
    await addMember(t.gql, owner, subject, viewer, 'VIEWER');
    const { rows } = await admin.query<{ score: number }>(
      `SELECT (SELECT a.overall_score FROM assessments a WHERE a.tenant_id = t.id AND a.superseded_at IS NULL
                ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) AS score
         FROM tenants t WHERE t.employee_count >= 1000 AND t.id <> $1`,
      [subject],
    );
    foreign = rows.map((r) => r.score).filter((s): s is number => s !== null);
    if (foreign.length > 3)
      throw new Error(`the 1000+ band already holds ${foreign.length} assessed tenants`);
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it('falls back to the 2012 survey, revealing no count, while fewer than 5 other tenants of the band are assessed', async () => {
    await insertAssessment(admin, subject, { overallScore: 50 });
    const empty = await benchmark(owner);
    expect(empty).toMatchObject({
      sizeBand: '1000+',
      peerCount: 0,
      percentile: null,
      source: 'SURVEY_2012',
      minimumPeers: 5,
      ownScore: 50,
    });
    expect(empty.survey).toEqual({
      source: 'SURVEY_2012',
      year: 2012,
      respondents: 2714,
      satisfaction: { highlySatisfied: 5, satisfied: 26, somewhat: 42, notAtAll: 27 },
      measured: { followersLikes: 86, sales: 31 },
      setUp: { dedicatedTeam: 27, onTopOfOtherDuties: 65, hybridWithAgency: 5, fullyOutsourced: 3 },
      teamSize: { onePerson: 42 },
      departments: { marketing: 70, legal: 14, salesMentioned: false },
      managementSupport: { verySupportive: 38 },
      selfRated: { advanced: 13, intermediate: 64, beginner: 23 },
    });

    // Up to 4 peers: exactly the same answer as with none.
    const scores = [10, 50, 90, 95].slice(0, 4 - foreign.length);
    for (const score of scores) await addPeer(score);
    foreign.push(...scores);
    expect(foreign).toHaveLength(4);
    expect(await benchmark(owner)).toEqual(empty);

    // Not peers: other bands, tenants without an assessment, and tenants sharing a member with this one.
    await addPeer(20, 999);
    await addPeer(30, 49);
    await insertTenant(admin, { employeeCount: 5000 });
    const ownOther = await createTenant(t.gql, owner, {
      profile: { ...DEFAULT_PROFILE, employeeCount: 4000 },
    });
    await insertAssessment(admin, ownOther, { overallScore: 5 });
    expect(await benchmark(owner)).toEqual(empty);
  });

  it('gives the percentile among the peers from the fifth one on, ties counted half', async () => {
    await addPeer(50, 1_000_000);
    const peers = [...foreign, 50];
    const result = await benchmark(owner);
    expect(result).toMatchObject({
      sizeBand: '1000+',
      peerCount: 5,
      source: 'PEERS',
      ownScore: 50,
      survey: null,
    });
    expect(result.percentile).toBeCloseTo(percentileOf(50, peers), 10);
    if (foreign.join() === '10,50,90,95') expect(result.percentile).toBe(40); // (1 lower + 0.5 * 2 equal) / 5
  });

  it('is the same for every role of the tenant (VIEWER included)', async () => {
    expect(await benchmark(viewer)).toEqual(await benchmark(owner));
  });

  it('uses the latest current assessment of the tenant', async () => {
    await insertAssessment(admin, subject, { overallScore: 99.5 });
    const result = await benchmark(owner);
    expect(result.ownScore).toBe(99.5);
    expect(result.percentile).toBe(100);
  });

  it('counts peers but gives no percentile to a tenant without an assessment; tenants sharing a member are no peers', async () => {
    // subject and ownOther share their owner with the new tenant: it sees the same 5 peers.
    const fresh = await createTenant(t.gql, owner, { profile: { ...DEFAULT_PROFILE, employeeCount: 1500 } });
    expect(await benchmark(owner, fresh)).toMatchObject({
      peerCount: 5,
      percentile: null,
      source: 'PEERS',
      ownScore: null,
    });
    // A tenant sharing no member with them sees subject and ownOther as peers as well.
    const stranger = await signUp(t.gql, 'Stranger');
    const strangers = await createTenant(t.gql, stranger, {
      profile: { ...DEFAULT_PROFILE, employeeCount: 1500 },
    });
    expect(await benchmark(stranger, strangers)).toMatchObject({
      peerCount: 7,
      percentile: null,
      source: 'PEERS',
    });
  });

  it('needs the tenant selected and a member', async () => {
    expect((await t.gql(BENCHMARK, {}, { token: owner.token })).code).toBe('BAD_USER_INPUT');
    const outsider = await signUp(t.gql, 'Outsider');
    expect((await t.gql(BENCHMARK, {}, { token: outsider.token, tenant: subject })).code).toBe('FORBIDDEN');
  });
});
