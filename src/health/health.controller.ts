import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { RETRY_AFTER_SECONDS } from '../common/errors';
import { Access } from '../tenancy';

/**
 * Liveness with the database: 200 `{ status: 'ok' }` when a ping answers within 2 s, otherwise 503 with
 * Retry-After and `{ status: 'error', error: { database: { status: 'down' } } }` (no driver text: it names hosts).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Access.public()
  @HealthCheck()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      throw new ServiceUnavailableException(withoutDetails(error.getResponse() as HealthCheckResult));
    }
  }
}

/** Each indicator's status only: a driver's message (`connect ECONNREFUSED 10.0.0.5:5432`) is the operator's. */
function withoutDetails(result: HealthCheckResult): HealthCheckResult {
  type Indicators = NonNullable<HealthCheckResult['info']>;
  const statusOnly = (indicators: HealthCheckResult['info']): Indicators => {
    const out: Indicators = {};
    for (const [key, value] of Object.entries(indicators ?? {})) if (value) out[key] = { status: value.status };
    return out;
  };
  return { status: result.status, info: statusOnly(result.info), error: statusOnly(result.error), details: statusOnly(result.details) as HealthCheckResult['details'] };
}
