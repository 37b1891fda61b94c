import { SURVEY_2012 } from './survey-2012';

describe('survey 2012 priors', () => {
  it('has single-answer distributions that add up to 100%', () => {
    for (const question of [
      SURVEY_2012.satisfaction,
      SURVEY_2012.setUp,
      SURVEY_2012.teamSize,
      SURVEY_2012.managementSupport,
      SURVEY_2012.selfRated,
    ]) {
      expect(Object.values(question).reduce((sum, share) => sum + share, 0)).toBe(100);
    }
  });

  it('keeps the figures of domain.md', () => {
    expect(SURVEY_2012.satisfaction.highlySatisfied).toBe(5);
    expect(SURVEY_2012.measured.followersLikes).toBe(86);
    expect(SURVEY_2012.departments).toMatchObject({ marketing: 70, legal: 14, salesMentioned: false });
    expect(SURVEY_2012.respondents).toBe(2714);
  });
});
