import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { submitOk } from '../helpers/assessments';

const OUTLOOK = `outlook {
  stage nextStage nextStageScore pointsToNextStage blockingCaps
  cappingDimension cappingDimensionScore dimensionScoreNeeded dimensionsBelowNeeded
}`;

/**
 * Assessment.outlook: what the next stage takes, computed by the API (not by a client copying the model's rules),
 * for a stored assessment, a preview and the portfolio's summary read alike.
 */
describe('Assessment.outlook', () => {
  let t: TestApp;
  let consultant: TestUser;
  let tenant: string;
  // A small informal B2C shop (no team needed, no Sales department): TEAM, SALES and OUTSOURCING do not apply.
  // SATISFACTION 100 and GOVERNANCE 100, MEASUREMENT 0 and RESPONSIBILITY_COVERAGE 0: overall 2500 / 55 = 45.45
  // (ENGAGEMENT). FORMALIZED starts at 50 and needs every applicable dimension in PRESENCE (20) or above.
  const answers = {
    overallSatisfaction: 5,
    managementSupport: 4,
    hasPolicy: true,
    policyRoleModel: 5,
    hasCrisisPlan: true,
    hasMonitoring: true,
    reportingCadence: 'MONTHLY',
    communityApplicable: false,
  };

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await signUp(t.gql, 'Outlook Consultant');
    tenant = await createTenant(t.gql, consultant, {
      name: 'Corner Shop',
      asConsultant: true,
      profile: { employeeCount: 12, departments: ['MARKETING'], culture: 'INFORMAL', market: 'B2C', locations: 1 },
    });
    await submitOk(t.gql, consultant, tenant, { period: '2026-Q1', answers });
  });

  afterAll(async () => {
    await t?.close();
  });

  const expected = {
    stage: 'ENGAGEMENT',
    nextStage: 'FORMALIZED',
    nextStageScore: 50,
    blockingCaps: ['WEAKEST_LINK'],
    cappingDimension: 'MEASUREMENT',
    cappingDimensionScore: 0,
    dimensionScoreNeeded: 20,
    dimensionsBelowNeeded: ['MEASUREMENT', 'RESPONSIBILITY_COVERAGE'],
  };

  it('names the next stage, the score that reaches it and the dimension that holds it back', async () => {
    const res = await t.gql(
      `{ tenant { latestAssessment { overallScore stage ${OUTLOOK} } } }`,
      {},
      { token: consultant.token, tenant },
    );
    expect(res.errors).toBeUndefined();
    const latest = res.data.tenant.latestAssessment;
    expect(latest.overallScore).toBeCloseTo(2500 / 55, 10);
    expect(latest.outlook).toMatchObject(expected);
    expect(latest.outlook.pointsToNextStage).toBeCloseTo(50 - 2500 / 55, 10);
  });

  it('is the same for a preview of the same answers', async () => {
    const res = await t.gql(
      `query($a: AssessmentAnswersInput!) { scorePreview(answers: $a) { ${OUTLOOK} } }`,
      { a: answers },
      { token: consultant.token, tenant },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.scorePreview.outlook).toMatchObject(expected);
  });

  it("works on the portfolio's summary read (only the scores are read there)", async () => {
    const res = await t.gql(
      `{ portfolio { entries { tenant { id } latestAssessment { ${OUTLOOK} } } } }`,
      {},
      { token: consultant.token },
    );
    expect(res.errors).toBeUndefined();
    const entry = res.data.portfolio.entries.find((e: { tenant: { id: string } }) => e.tenant.id === tenant);
    expect(entry.latestAssessment.outlook).toMatchObject(expected);
  });
});
