import type { FieldProblem } from '../common/errors';
import { RESPONSIBILITIES, type OwnerKind, type Responsibility } from '../scoring';

/** Who may own a responsibility, as given by a client. */
export interface OwnerChoice {
  ownerKind: OwnerKind;
  memberId?: string | null;
  department?: string | null;
}

const present = (value: string | null | undefined): boolean =>
  value !== undefined && value !== null && value !== '';

/**
 * What is wrong with an owner: a MEMBER needs memberId and no department, a DEPARTMENT needs department and no
 * memberId, the AGENCY needs neither. Mirrors the table's CHECK, so the client hears which field to fix.
 */
export function ownerProblems(owner: OwnerChoice): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const needs = { memberId: owner.ownerKind === 'MEMBER', department: owner.ownerKind === 'DEPARTMENT' };
  for (const field of ['memberId', 'department'] as const) {
    const given = present(owner[field]);
    if (needs[field] && !given)
      problems.push({ field, message: `is required when ownerKind is ${owner.ownerKind}` });
    if (!needs[field] && given)
      problems.push({ field, message: `must be left out when ownerKind is ${owner.ownerKind}` });
  }
  return problems;
}

/** Items in the contract's order of the nine responsibilities. */
export function inContractOrder<T extends { responsibility: Responsibility }>(items: readonly T[]): T[] {
  const rank = (r: Responsibility): number => RESPONSIBILITIES.indexOf(r);
  return [...items].sort((a, b) => rank(a.responsibility) - rank(b.responsibility));
}

/** The responsibilities nobody owns, in contract order. */
export function unowned(owned: Iterable<Responsibility>): Responsibility[] {
  const taken = new Set(owned);
  return RESPONSIBILITIES.filter((r) => !taken.has(r));
}
