/**
 * What graphql-js's execute() alone allocates for Q2's response shape (20 entries, 7 dimensions each), with default
 * resolvers over plain objects: the floor of the service's Q2 allocation that no resolver or mapper of ours can
 * lower. `npx tsc -p bench/tsconfig.json && node .data/bench-build/bench/lib/graphql-floor.js`
 */
import { buildSchema, execute, parse } from 'graphql';
import { allocatedPerCall } from './allocation';
import { Q2_QUERY } from './portfolio-workload';

const schema = buildSchema(`
  type Query { portfolio: Portfolio }
  type Portfolio { overdueCount: Int entries: [Entry!]! }
  type Tenant { id: ID name: String }
  type Dimension { dimension: String score: Float applicable: Boolean weight: Float }
  type Assessment { id: ID overallScore: Float stage: String dimensions: [Dimension!]! }
  type Entry {
    tenant: Tenant stage: String delta: Float dueAt: String overdue: Boolean weakestDimension: String
    scoreDropAlert: Boolean latestAssessment: Assessment
  }`);
const DIMENSIONS = ['STRATEGY', 'GOVERNANCE', 'CAPABILITY', 'CULTURE', 'TECHNOLOGY', 'MEASUREMENT', 'COMMUNITY'];
const rootValue = {
  portfolio: {
    overdueCount: 3,
    entries: Array.from({ length: 20 }, (_, i) => ({
      tenant: { id: `t${i}`, name: `Tenant ${i}` },
      stage: 'PLANNING',
      delta: 1.5,
      dueAt: '2026-01-01',
      overdue: false,
      weakestDimension: 'CULTURE',
      scoreDropAlert: false,
      latestAssessment: {
        id: `a${i}`,
        overallScore: 55.5,
        stage: 'PLANNING',
        dimensions: DIMENSIONS.map((dimension) => ({ dimension, score: 50, applicable: true, weight: 1 / 7 })),
      },
    })),
  },
};
const document = parse(Q2_QUERY);
let result: unknown;
const bytes = allocatedPerCall(() => {
  result = execute({ schema, document, rootValue });
}, 2000);
console.log(`graphql-js execute() of Q2's shape: ${(bytes / 1024).toFixed(1)} KB per execution (${JSON.stringify(result).length} bytes of JSON)`);
