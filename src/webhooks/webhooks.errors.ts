import { ConflictError } from '../common/errors';

export const MAX_ENDPOINTS_PER_TENANT = 20;

export class TooManyWebhooksError extends ConflictError {
  constructor() {
    super(`A tenant has at most ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints; delete one first`);
  }
}
