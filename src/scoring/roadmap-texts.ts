import { firstLiveInitiative, inHouseOwnerDepartment, type MoveChoice, type RoadmapMove } from './roadmap';
import type { ScoringInputs } from './types';

/**
 * A step described without language: the text key (the move) and its parameters as codes or names. The text is
 * made from it in the reader's language (src/i18n, roadmap.move.<MOVE>), whose placeholders are {responsibility},
 * {department}, {owner} (the in-house owner department) and {initiative} (the first live initiative's name).
 */
export interface StepDescription {
  key: RoadmapMove;
  /** responsibility and department as contract codes, owner as a Department code, initiative as its name. */
  params: Readonly<Record<string, string>>;
}

/**
 * Describes a roadmap step. `inputs` are the inputs the roadmap started from: the in-house owner and the first
 * live initiative depend only on the departments and the initiatives, which no move changes, so they are the same
 * at every step.
 */
export function describeStep(step: MoveChoice, inputs: ScoringInputs): StepDescription {
  const params: Record<string, string> = {};
  if (step.responsibility) params.responsibility = step.responsibility;
  if (step.department) params.department = step.department;
  if (step.move === 'ASSIGN_OWNER' || step.move === 'INSOURCE') {
    const owner = inHouseOwnerDepartment(inputs);
    if (owner) params.owner = owner;
  }
  if (step.move === 'ADD_BUSINESS_KPI') {
    const initiative = firstLiveInitiative(inputs);
    if (initiative) params.initiative = initiative.name;
  }
  return { key: step.move, params };
}
