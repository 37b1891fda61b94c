import { assembleFacts, type FactsRow } from './organisation-facts';

const profile = {
  employeeCount: 120,
  departments: ['MARKETING', 'SALES'],
  culture: 'MIXED',
  market: 'B2B',
  locations: 3,
} as const;

function row(overrides: Partial<FactsRow> = {}): FactsRow {
  return {
    profile: { ...profile, departments: [...profile.departments] },
    teams: [],
    members: [],
    responsibilities: [],
    initiatives: [],
    kpis: [],
    ...overrides,
  };
}

describe('assembleFacts', () => {
  it('nests members under their teams and KPIs under their initiatives, keeping the statement order', () => {
    const member = (id: string, teamId: string) => ({
      id,
      teamId,
      name: id,
      department: 'SALES' as const,
      external: false,
      insight: 1,
      experience: 2,
      affinity: 3,
    });
    const initiative = (id: string) => ({
      id,
      name: id,
      status: 'ACTIVE' as const,
      ownerDepartment: 'SALES' as const,
      outsourcing: 'NONE' as const,
      satisfaction: null,
      failureFactors: [],
    });
    const facts = assembleFacts(
      row({
        teams: [
          { id: 't1', name: 'One' },
          { id: 't2', name: 'Two' },
          { id: 't3', name: 'Empty' },
        ],
        members: [member('m1', 't2'), member('m2', 't1'), member('m3', 't2')],
        initiatives: [initiative('i1'), initiative('i2')],
        kpis: [
          { initiativeId: 'i2', name: 'Leads', kind: 'BUSINESS' },
          { initiativeId: 'i2', name: 'Likes', kind: 'VANITY' },
        ],
      }),
    );
    expect(facts.teams.map((t) => [t.id, t.members.map((m) => m.id)])).toEqual([
      ['t1', ['m2']],
      ['t2', ['m1', 'm3']],
      ['t3', []],
    ]);
    expect(facts.teams[0].members[0]).toEqual({
      id: 'm2',
      name: 'm2',
      department: 'SALES',
      external: false,
      insight: 1,
      experience: 2,
      affinity: 3,
    });
    expect(facts.initiatives.map((i) => i.kpis)).toEqual([
      [],
      [
        { name: 'Leads', kind: 'BUSINESS' },
        { name: 'Likes', kind: 'VANITY' },
      ],
    ]);
  });

  it('orders responsibilities as the contract lists them and keeps only the engine fields', () => {
    const facts = assembleFacts(
      row({
        responsibilities: [
          { responsibility: 'TOOLING', ownerKind: 'AGENCY', memberId: null, department: null },
          { responsibility: 'CHANNEL_MANAGEMENT', ownerKind: 'DEPARTMENT', memberId: null, department: 'PR' },
        ],
      }),
    );
    expect(facts.responsibilities).toEqual([
      { responsibility: 'CHANNEL_MANAGEMENT', ownerKind: 'DEPARTMENT', memberId: null, department: 'PR' },
      { responsibility: 'TOOLING', ownerKind: 'AGENCY', memberId: null, department: null },
    ]);
  });

  it('keeps the profile fields the engine reads, and nothing else', () => {
    const facts = assembleFacts(
      row({ profile: { ...profile, departments: ['MARKETING'], sector: 'x' } as never }),
    );
    expect(facts.profile).toEqual({ ...profile, departments: ['MARKETING'] });
  });

  it('fails when the tenant is not visible', () => {
    expect(() => assembleFacts(row({ profile: null }))).toThrow(/Tenant not found/);
  });
});
