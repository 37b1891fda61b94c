import { AppError, ConflictError, NotFoundError } from '../common/errors';

export class CampaignNotFoundError extends NotFoundError {
  constructor() {
    super('Campaign');
  }
}

export class CampaignPeriodTakenError extends ConflictError {
  constructor(period: string) {
    super(`The tenant already has an OPEN campaign for ${period}`);
  }
}

export class PeriodAssessedError extends ConflictError {
  constructor(period: string) {
    super(`${period} already has an assessment: open the campaign with supersede: true to replace it on closing`);
  }
}

export class CampaignNotOpenError extends ConflictError {
  constructor(status: string) {
    super(`The campaign is ${status}, no longer OPEN`);
  }
}

export class TooFewResponsesError extends ConflictError {
  constructor(responses: number, needed: number) {
    super(`The campaign has ${responses} of the ${needed} responses it needs to close`);
  }
}

/** A response link that is unknown or malformed: said the same way whatever the reason, without the token. */
export class UnknownResponseLinkError extends NotFoundError {
  constructor() {
    super('Response link');
  }
}

/** A response link whose campaign no longer takes answers. */
export class ResponseLinkClosedError extends AppError {
  constructor(status: string) {
    super('CONFLICT', status === 'OPEN' ? 'This campaign has closed: answers are no longer taken' : `This campaign is ${status}: answers are no longer taken`);
  }
}
