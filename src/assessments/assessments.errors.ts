import { AppError, ConflictError } from '../common/errors';

/** The idempotency key was used before with another request body. */
export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was already used for a different submission; use a new key for a new submission',
    );
  }
}

/** The period already has a current assessment and the submission did not ask to supersede it. */
export class PeriodAlreadyAssessedError extends ConflictError {
  constructor(period: string) {
    super(`Period ${period} already has an assessment; submit with supersede: true to replace it`);
  }
}

/** Another submission for the same period committed first while this one was running. */
export class ConcurrentSubmissionError extends ConflictError {
  constructor(period: string) {
    super(`Another assessment of period ${period} was submitted at the same time; reload and retry`);
  }
}
