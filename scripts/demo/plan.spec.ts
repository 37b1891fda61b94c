import { periodsOf, stateOf } from './history';
import { CLIENTS, PEER_PERIODS, PEERS, PERIODS } from './organisations';
import { planClient } from './plan';

describe('demo: organisations and their plans', () => {
  it('names every organisation once, and every slug (the idempotency keys) once', () => {
    const all = [...CLIENTS, ...PEERS];
    expect(CLIENTS).toHaveLength(12);
    expect(PEERS).toHaveLength(8);
    expect(new Set(all.map((a) => a.name)).size).toBe(all.length);
    const slugs = all.map((a, i) => planClient(a, i < CLIENTS.length ? i : 100 + i - CLIENTS.length).slug);
    expect(new Set(slugs).size).toBe(all.length);
  });

  it('draws the same plan for the same organisation on every run', () => {
    CLIENTS.forEach((archetype, i) => expect(planClient(archetype, i)).toEqual(planClient(archetype, i)));
  });

  it('names the members of an organisation uniquely (reconciling matches members by name)', () => {
    CLIENTS.forEach((archetype, i) => {
      const names = planClient(archetype, i).members.map((m) => m.name);
      expect({ client: archetype.name, unique: new Set(names).size }).toEqual({
        client: archetype.name,
        unique: names.length,
      });
      for (let k = 0; k < PERIODS; k += 1) {
        const state = stateOf(planClient(archetype, i), k);
        const present = state.teams.flatMap((t) => t.members.map((m) => m.name));
        expect(new Set(present).size).toBe(present.length);
        expect(new Set(state.initiatives.map((x) => x.name)).size).toBe(state.initiatives.length);
      }
    });
  });

  it('gives six distinct quarters, oldest first, dated inside their quarter and never in the future', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    CLIENTS.forEach((archetype, i) => {
      const slots = periodsOf(planClient(archetype, i), i, now);
      expect(slots).toHaveLength(PERIODS);
      expect(new Set(slots.map((s) => s.period)).size).toBe(PERIODS);
      for (const [k, slot] of slots.entries()) {
        const [year, q] = slot.period.split('-Q').map(Number);
        expect(slot.submittedAt.getTime()).toBeGreaterThanOrEqual(Date.UTC(year, (q - 1) * 3, 1));
        expect(slot.submittedAt.getTime()).toBeLessThan(Date.UTC(year, q * 3, 1));
        expect(slot.submittedAt.getTime()).toBeLessThan(now.getTime());
        if (k > 0) expect(slot.submittedAt.getTime()).toBeGreaterThan(slots[k - 1].submittedAt.getTime());
      }
    });
    expect(PEER_PERIODS).toEqual([0, PERIODS - 1]);
  });

  it('answers the questionnaire inside its scales in every period', () => {
    CLIENTS.forEach((archetype, i) => {
      const plan = planClient(archetype, i);
      for (let k = 0; k < PERIODS; k += 1) {
        const { answers } = stateOf(plan, k);
        for (const v of [answers.overallSatisfaction, answers.managementSupport, answers.policyRoleModel])
          expect(v >= 1 && v <= 5 && Number.isInteger(v)).toBe(true);
      }
    });
  });
});
