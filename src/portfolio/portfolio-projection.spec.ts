import { buildSchema, graphql } from 'graphql';
import { portfolioProjection, type PortfolioProjection } from './portfolio-projection';

/** The shapes of the real schema that the projection walks; the resolver records what it computed. */
const schema = buildSchema(`
  type Query { portfolio: Portfolio }
  type Portfolio { entries: [PortfolioEntry!]! overdueCount: Int! }
  type PortfolioEntry { latestAssessment: Assessment delta: Float stage: String }
  type Dimension { dimension: String score: Float }
  type Finding { code: String }
  type Answers { satisfaction: Int }
  type Facts { teamNeeded: Boolean }
  type Assessment {
    id: ID overallScore: Float stage: String bandStage: String appliedCaps: [String] dimensions: [Dimension]
    findings: [Finding] facts: Facts answers: Answers delta: Float previous: Assessment
  }
`);

async function projectionOf(query: string, variables?: Record<string, unknown>): Promise<PortfolioProjection> {
  let seen: PortfolioProjection | undefined;
  const result = await graphql({
    schema,
    source: query,
    variableValues: variables,
    rootValue: {
      portfolio: (_args: unknown, _ctx: unknown, info: Parameters<typeof portfolioProjection>[0]) => {
        seen = portfolioProjection(info);
        return null;
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return seen as PortfolioProjection;
}

describe('portfolioProjection', () => {
  it('reads no detail for a dashboard (scores, stage, dimensions, delta)', async () => {
    await expect(
      projectionOf(`{ portfolio { overdueCount entries { stage delta latestAssessment { id overallScore delta
        dimensions { dimension score } } } } }`),
    ).resolves.toEqual({ latestDetail: false, latestAnswers: false, previousDetail: false });
  });

  it.each([
    ['findings', '{ findings { code } }', { latestDetail: true }],
    ['appliedCaps', '{ appliedCaps }', { latestDetail: true }],
    ['bandStage', '{ bandStage }', { latestDetail: true }],
    ['facts', '{ facts { teamNeeded } }', { latestDetail: true }],
    ['answers', '{ answers { satisfaction } }', { latestAnswers: true }],
    ['previous', '{ previous { id } }', { previousDetail: true }],
  ])('asks for the detail %s needs', async (_name, selection, expected) => {
    await expect(projectionOf(`{ portfolio { entries { latestAssessment ${selection} } } }`)).resolves.toEqual({
      latestDetail: false,
      latestAnswers: false,
      previousDetail: false,
      ...expected,
    });
  });

  it('sees fields through named and inline fragments and under aliases', async () => {
    await expect(
      projectionOf(`
        query { portfolio { ...P } }
        fragment P on Portfolio { first: entries { id: stage } again: entries { latestAssessment { ...A } } }
        fragment A on Assessment { ... on Assessment { why: findings { code } } prior: previous { id } }`),
    ).resolves.toEqual({ latestDetail: true, latestAnswers: false, previousDetail: true });
  });

  it('leaves out what @skip or @include drops', async () => {
    const query = `query($on: Boolean!) { portfolio { entries { latestAssessment {
      findings @include(if: $on) { code } answers @skip(if: $on) { satisfaction } } } } }`;
    await expect(projectionOf(query, { on: false })).resolves.toEqual({
      latestDetail: false,
      latestAnswers: true,
      previousDetail: false,
    });
    await expect(projectionOf(query, { on: true })).resolves.toEqual({
      latestDetail: true,
      latestAnswers: false,
      previousDetail: false,
    });
  });
});
