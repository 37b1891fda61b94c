import {
  ANSWER_ITEMS,
  FAILURE_FACTORS,
  FINDING_CODES,
  CAMPAIGN_FINDING_CODES,
  RESPONSIBILITIES,
  ROADMAP_MOVES,
  describeStep,
  type MoveChoice,
  type RoadmapMove,
} from '../scoring';
import { inputs, initiative } from '../scoring/scoring.fixtures';
import { LANGUAGES } from '../common/language';
import { errorMessage, fieldMessage } from './error-texts';
import { findingTexts, label, stepDescription } from './texts';

const choice = (move: RoadmapMove, extra: Partial<MoveChoice> = {}): MoveChoice =>
  ({ move, responsibility: null, department: null, ...extra });

describe('findingTexts', () => {
  it('writes a finding from its codes in English as the model did', () => {
    expect(findingTexts('en', { code: 'UNCOVERED_RESPONSIBILITY', responsibility: 'CHANNEL_MANAGEMENT' })).toEqual({
      message:
        'Nobody owns channel management (claiming, optimising, maintaining and integrating the social channels), ' +
        'so it is done by chance or not at all.',
      recommendation:
        'Assign channel management to a team member or a department, so it is clear who does what and who is responsible.',
    });
    expect(findingTexts('en', { code: 'RECURRING_FAILURE_FACTOR', failureFactor: 'NO_SKILLS', values: { count: 3 } }).message).toBe(
      '3 initiatives name the lack of skills as a reason they fail or struggle. Many factors make social media ' +
        'projects fail; one that recurs points at a structural cause.',
    );
    expect(
      findingTexts('en', { code: 'RECURRING_FAILURE_FACTOR', failureFactor: 'UNCLEAR_OWNERSHIP', values: { count: 2 } })
        .recommendation,
    ).toBe(
      'Tackle unclear ownership once, for all initiatives: settle who does what: give every responsibility and ' +
        'every initiative exactly one owner.',
    );
    expect(findingTexts('en', { code: 'LOW_RESPONSE_RATE', values: { responses: 1, invited: 3 } }).message).toContain(
      'Only 1 of the 3 invited respondents answered',
    );
  });

  it('writes the same finding in Dutch, with the Dutch names of its codes', () => {
    const { message, recommendation } = findingTexts('nl', {
      code: 'UNCOVERED_RESPONSIBILITY',
      responsibility: 'REPUTATION_MANAGEMENT',
    });
    expect(message).toBe(
      'Niemand is eigenaar van reputatiemanagement (het bewaken van de online reputatie, monitoring en ' +
        'crisismanagement inbegrepen), dus het gebeurt toevallig of helemaal niet.',
    );
    expect(recommendation).toMatch(/^Wijs reputatiemanagement toe aan een teamlid of een afdeling/);
    expect(findingTexts('nl', { code: 'RESPONDENTS_DISAGREE', item: 'HAS_MONITORING' }).message).toContain(
      'oneens over de vraag of social media gemonitord wordt',
    );
    expect(findingTexts('nl', { code: 'LOW_RESPONSE_RATE', values: { responses: 1200, invited: 3000 } }).message).toMatch(
      /^Maar 1\.200 van de 3\.000 uitgenodigde respondenten/,
    );
  });

  it.each(LANGUAGES)('leaves no placeholder unfilled for any finding and code (%s)', (language) => {
    const references = [
      ...FINDING_CODES.filter((c) => c !== 'UNCOVERED_RESPONSIBILITY' && c !== 'RECURRING_FAILURE_FACTOR').map((code) => ({ code })),
      ...RESPONSIBILITIES.map((responsibility) => ({ code: 'UNCOVERED_RESPONSIBILITY', responsibility })),
      ...FAILURE_FACTORS.map((failureFactor) => ({ code: 'RECURRING_FAILURE_FACTOR', failureFactor, values: { count: 2 } })),
      ...ANSWER_ITEMS.map((item) => ({ code: 'RESPONDENTS_DISAGREE', item })),
      ...CAMPAIGN_FINDING_CODES.filter((c) => c !== 'RESPONDENTS_DISAGREE').map((code) => ({ code, values: { responses: 1, invited: 9 } })),
    ];
    for (const reference of references) {
      const { message, recommendation } = findingTexts(language, reference);
      expect(`${message} ${recommendation}`).not.toMatch(/[{}]|finding\.|enum\./);
    }
  });

  it('caches a written text per language and finding (the same object for the same reference)', () => {
    const reference = { code: 'NO_POLICY' };
    expect(findingTexts('nl', reference)).toBe(findingTexts('nl', { code: 'NO_POLICY' }));
    expect(findingTexts('nl', reference)).not.toEqual(findingTexts('en', reference));
  });
});

describe('stepDescription', () => {
  const organisation = inputs({
    profile: { departments: ['HR', 'SALES'] },
    initiatives: [initiative({ status: 'STOPPED', name: 'Old' }), initiative({ name: 'Spring campaign' })],
  });

  it('describes a step in English as the roadmap did', () => {
    const en = (step: MoveChoice) => stepDescription('en', describeStep(step, organisation));
    expect(en(choice('ASSIGN_OWNER', { responsibility: 'REPUTATION_MANAGEMENT' }))).toMatch(
      /^Make Sales the owner of reputation management: /,
    );
    expect(en(choice('ADD_BUSINESS_KPI'))).toMatch(/^Give "Spring campaign" a business KPI/);
    expect(en(choice('ADD_MEMBER_FROM_DEPARTMENT', { department: 'HR' }))).toMatch(
      /^Add a colleague from HR to the social media team/,
    );
    expect(en(choice('SALES_OWNS_ENGAGEMENT'))).toMatch(/^Give Sales ownership of audience engagement: Sales knows the customers/);
  });

  it('describes it in Dutch', () => {
    const nl = (step: MoveChoice) => stepDescription('nl', describeStep(step, organisation));
    expect(nl(choice('ASSIGN_OWNER', { responsibility: 'REPUTATION_MANAGEMENT' }))).toMatch(
      /^Maak Sales eigenaar van reputatiemanagement: /,
    );
    expect(nl(choice('ADD_BUSINESS_KPI'))).toMatch(/^Geef "Spring campaign" een zakelijke KPI/);
    expect(nl(choice('ADD_MEMBER_FROM_DEPARTMENT', { department: 'CUSTOMER_SERVICE' }))).toMatch(
      /^Haal een collega van Klantenservice in het Social Media team/,
    );
  });

  it.each(LANGUAGES)('leaves no placeholder unfilled for any of the twelve moves (%s)', (language) => {
    const anyOrganisation = inputs({ initiatives: [initiative()] });
    for (const move of ROADMAP_MOVES) {
      const step = choice(move, {
        responsibility: move === 'ASSIGN_OWNER' || move === 'INSOURCE' ? 'TOOLING' : null,
        department: move === 'ADD_MEMBER_FROM_DEPARTMENT' ? 'HR' : null,
      });
      expect(stepDescription(language, describeStep(step, anyOrganisation))).not.toMatch(/[{}]/);
    }
  });
});

describe('label', () => {
  it('names a code in a language', () => {
    expect(label('nl', 'Stage', 'PLANNING')).toBe('Voorbereiding');
    expect(label('en', 'RoadmapMove', 'CRISIS_PLAN')).toBe('Write a crisis plan');
  });
});

describe('errorMessage', () => {
  it('keeps English as thrown', () => {
    expect(errorMessage('en', 'NOT_FOUND', 'Team member not found')).toBe('Team member not found');
  });

  it('writes a message in Dutch from the template it was made from, its parts translated', () => {
    expect(errorMessage('nl', 'NOT_FOUND', 'Team member not found')).toBe('Teamlid niet gevonden');
    expect(errorMessage('nl', 'VERSION_CONFLICT', 'The campaign is at version 3, not the expected 2: reload and retry')).toBe(
      'De campagne staat op versie 3, niet op de verwachte 2: laad opnieuw en probeer het nog eens',
    );
    expect(errorMessage('nl', 'CONFLICT', 'The campaign is past its closing time, no longer OPEN')).toBe(
      'De campagne is voorbij de sluitingstijd en staat niet meer OPEN',
    );
    expect(errorMessage('nl', 'BAD_USER_INPUT', 'Invalid input.closesAt: must be in the future')).toBe(
      'Ongeldige input.closesAt: moet in de toekomst liggen',
    );
    expect(
      errorMessage('nl', 'BAD_USER_INPUT', 'Invalid input: input.name must be between 1 and 100 characters; input.x must not be blank'),
    ).toBe('Ongeldige invoer: input.name moet tussen 1 en 100 tekens lang zijn; input.x mag niet leeg zijn');
  });

  it("falls back to the code's Dutch text for a message it does not know", () => {
    expect(errorMessage('nl', 'CONFLICT', 'Something nobody wrote down')).toBe('Conflict met de huidige stand');
  });

  it('writes field problems in Dutch, and leaves graphql-js words as they are', () => {
    expect(fieldMessage('nl', 'must be at most 90 days ahead')).toBe('mag hoogstens 90 dagen vooruit liggen');
    expect(fieldMessage('nl', 'Int cannot represent non-integer value: 1.5')).toBe('Int cannot represent non-integer value: 1.5');
  });
});
