import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { type ErrorCode, RETRY_AFTER_SECONDS } from '../common/errors';
import { logInternalError, mapError } from '../common/error-mapping';
import { errorMessage } from '../i18n';
import { requestLanguage } from '../request';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  VERSION_CONFLICT: 409,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * The REST face of the contract's errors: the same mapping as GraphQL (mapError), as an HTTP status and a JSON
 * body { error: { code, message, fields } }. Bound to the export controller (guards' errors included).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exports');

  catch(exception: unknown, host: ArgumentsHost): void {
    const mapped = mapError(exception);
    if (mapped.internal) logInternalError(this.logger, exception);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.removeHeader('content-disposition');
    response.setHeader('content-type', 'application/json; charset=utf-8');
    if (mapped.code === 'SERVICE_UNAVAILABLE') response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    response
      .status(STATUS[mapped.code])
      .json({
        error: { code: mapped.code, message: errorMessage(requestLanguage(), mapped.code, mapped.message), fields: mapped.fields.map((f) => f.field) },
      });
  }
}
