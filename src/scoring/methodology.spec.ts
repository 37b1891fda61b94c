import { readFileSync } from 'node:fs';
import path from 'node:path';
import { METHODOLOGY_EXAMPLE } from './methodology-example';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { stageOutlook } from './outlook';
import { score } from './score';

/**
 * docs/methodology.md prints a worked example and the model's numbers. This scores the example with the real
 * engine and checks every number the document prints, so the document cannot drift from the code.
 */
const DOC = readFileSync(path.resolve(__dirname, '../../docs/methodology.md'), 'utf8');
const model = SOCIAL_MATURITY_V1;
const result = score(METHODOLOGY_EXAMPLE, model);
const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
const scoreOf = (dimension: string) => result.dimensions.find((d) => d.dimension === dimension)!;

/** The worked example's result table: `| DIMENSION | score | raw weight | share |`. */
function exampleRows(): Map<string, string[]> {
  const section = DOC.slice(DOC.indexOf('## A worked example'));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 6 && /^[A-Z_]+$/.test(cells[1])) rows.set(cells[1], cells.slice(2, -1));
  }
  return rows;
}

describe('docs/methodology.md', () => {
  it('prints the worked example\'s dimension scores, raw weights and shares as the engine computes them', () => {
    const rows = exampleRows();
    expect([...rows.keys()]).toEqual(result.dimensions.map((d) => d.dimension));
    for (const d of result.dimensions) {
      expect(rows.get(d.dimension)).toEqual([
        d.score === null ? 'n/a' : oneDecimal(d.score),
        String(d.rawWeight),
        `${oneDecimal(d.weight * 100)}%`,
      ]);
    }
  });

  it('prints the overall score, the band, the stage, the cap and the outlook as the engine computes them', () => {
    expect(result).toMatchObject({ bandStage: 'STRATEGIC', stage: 'FORMALIZED', appliedCaps: ['WEAKEST_LINK'] });
    expect(oneDecimal(result.overallScore)).toBe('74.9');
    expect(result.overallScore).toBeCloseTo(8618.75 / 115, 12);
    expect(DOC).toContain('8618.75 / 115 = 74.9');
    expect(DOC).toContain('band **STRATEGIC**');
    expect(DOC).toContain('stage **FORMALIZED**, `appliedCaps: [WEAKEST_LINK]`');
    expect(scoreOf('TEAM_COMPOSITION').score).toBeCloseTo(60, 10);
    expect(scoreOf('SATISFACTION').score).toBe(56.25);
    expect(result.facts).toMatchObject({ teamNeeded: true, inHouseMemberCount: 2, outsourcingShare: 0.1875 });
    expect(DOC).toContain('1.5 / 8 = 0.1875');
    const outlook = stageOutlook(result, model);
    expect(outlook).toMatchObject({
      nextStage: 'STRATEGIC',
      nextStageScore: 65,
      pointsToNextStage: 0,
      blockingCaps: ['WEAKEST_LINK'],
      cappingDimension: 'GOVERNANCE',
      cappingDimensionScore: 25,
      dimensionScoreNeeded: 35,
      dimensionsBelowNeeded: ['GOVERNANCE'],
    });
    expect(DOC).toContain('`cappingDimension: GOVERNANCE`, `cappingDimensionScore: 25`, `dimensionScoreNeeded: 35`');
    // "A crisis plan alone (GOVERNANCE 50) lifts the cap: the organisation is then STRATEGIC."
    const withPlan = score(
      { ...METHODOLOGY_EXAMPLE, answers: { ...METHODOLOGY_EXAMPLE.answers, hasCrisisPlan: true } },
      model,
    );
    expect(withPlan.dimensions.find((d) => d.dimension === 'GOVERNANCE')!.score).toBe(50);
    expect(withPlan).toMatchObject({ stage: 'STRATEGIC', appliedCaps: [] });
    expect(DOC).toContain('A crisis plan alone (GOVERNANCE 50) lifts the cap: the organisation is then STRATEGIC.');
  });

  it("prints the worked example's findings in the engine's order", () => {
    const printed = DOC.slice(DOC.indexOf('Findings, most severe first:'))
      .split('\n')
      .filter((line) => /^\d+\. `/.test(line))
      .map((line) => /^\d+\. `(\w+)` \((\w+)(?:, (\w+))?\)/.exec(line)!.slice(1));
    expect(printed).toEqual(
      result.findings.map((f) => [f.code, f.severity, f.responsibility ?? f.failureFactor ?? undefined]),
    );
  });

  it("prints the model's weights, multipliers, stage bands and caps", () => {
    for (const [dimension, { weight, marketMultipliers }] of Object.entries(model.dimensions)) {
      const multipliers = Object.entries(marketMultipliers).map(([market, m]) => `${market} x${m}`).join(', ');
      expect(DOC).toContain(`| ${dimension} | ${weight} | ${multipliers || '-'} |`);
    }
    for (const [stage, threshold] of Object.entries(model.stageThresholds)) {
      expect(DOC).toMatch(new RegExp(`\\| ${stage} \\| ${threshold} \\|`));
    }
    expect(DOC).toContain(`at most ${model.caps.weakestLinkStagesAbove} stages above`);
    expect(DOC).toContain(`at most **${model.caps.fullyOutsourcedMaxStage}**`);
    expect(DOC).toContain(`at most **${model.caps.noTeamWhereNeededMaxStage}**`);
  });

  it('lists every finding with the severity the model gives it', () => {
    for (const [code, definition] of Object.entries(model.findings)) {
      const byMarket = Object.entries(definition.severityByMarket ?? {})
        .map(([market, severity]) => ` (${severity} in ${market})`)
        .join('');
      expect(DOC).toContain(`| \`${code}\` | ${definition.severity}${byMarket} |`);
    }
  });
});
