import { RESPONSIBILITIES } from '../scoring/domain';
import { inContractOrder, ownerProblems, unowned } from './responsibility-owner';

const fieldsOf = (owner: Parameters<typeof ownerProblems>[0]): string[] =>
  ownerProblems(owner).map((p) => p.field);
const MEMBER_ID = '5f0c7a56-3c1e-4d3e-9a53-7f1b2a4c9e10';

describe('ownerProblems', () => {
  it('accepts the three valid shapes', () => {
    expect(ownerProblems({ ownerKind: 'MEMBER', memberId: MEMBER_ID })).toEqual([]);
    expect(ownerProblems({ ownerKind: 'MEMBER', memberId: MEMBER_ID, department: null })).toEqual([]);
    expect(ownerProblems({ ownerKind: 'DEPARTMENT', department: 'SALES' })).toEqual([]);
    expect(ownerProblems({ ownerKind: 'AGENCY' })).toEqual([]);
    expect(ownerProblems({ ownerKind: 'AGENCY', memberId: null, department: null })).toEqual([]);
  });

  it('needs memberId for MEMBER and refuses a department beside it', () => {
    expect(fieldsOf({ ownerKind: 'MEMBER' })).toEqual(['memberId']);
    expect(fieldsOf({ ownerKind: 'MEMBER', memberId: '' })).toEqual(['memberId']);
    expect(fieldsOf({ ownerKind: 'MEMBER', memberId: MEMBER_ID, department: 'SALES' })).toEqual([
      'department',
    ]);
    expect(fieldsOf({ ownerKind: 'MEMBER', department: 'SALES' })).toEqual(['memberId', 'department']);
  });

  it('needs department for DEPARTMENT and refuses a memberId beside it', () => {
    expect(fieldsOf({ ownerKind: 'DEPARTMENT' })).toEqual(['department']);
    expect(fieldsOf({ ownerKind: 'DEPARTMENT', department: 'IT', memberId: MEMBER_ID })).toEqual([
      'memberId',
    ]);
  });

  it('refuses both for AGENCY', () => {
    expect(fieldsOf({ ownerKind: 'AGENCY', memberId: MEMBER_ID })).toEqual(['memberId']);
    expect(fieldsOf({ ownerKind: 'AGENCY', department: 'PR' })).toEqual(['department']);
  });

  it('says what to do in each message', () => {
    expect(ownerProblems({ ownerKind: 'MEMBER' })[0].message).toBe('is required when ownerKind is MEMBER');
    expect(ownerProblems({ ownerKind: 'AGENCY', department: 'PR' })[0].message).toBe(
      'must be left out when ownerKind is AGENCY',
    );
  });
});

describe('inContractOrder and unowned', () => {
  it('orders assignments as the contract lists the nine responsibilities', () => {
    const shuffled = [...RESPONSIBILITIES].reverse().map((responsibility) => ({ responsibility }));
    expect(inContractOrder(shuffled).map((a) => a.responsibility)).toEqual([...RESPONSIBILITIES]);
  });

  it('lists the responsibilities without owner, in contract order', () => {
    expect(unowned([])).toEqual([...RESPONSIBILITIES]);
    expect(unowned(RESPONSIBILITIES)).toEqual([]);
    expect(unowned(['TOOLING', 'CHANNEL_MANAGEMENT'])).toEqual(
      RESPONSIBILITIES.filter((r) => r !== 'TOOLING' && r !== 'CHANNEL_MANAGEMENT'),
    );
  });
});
