import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import type { Client } from 'pg';
import { AssessmentsModule } from '../../src/assessments';
import {
  IdempotencyKeyReusedError,
  PeriodAlreadyAssessedError,
} from '../../src/assessments/assessments.errors';
import { AssessmentsService } from '../../src/assessments/assessments.service';
import type { SubmitAssessmentInput } from '../../src/assessments/dto/submit-assessment.input';
import { beginAuditRecord } from '../../src/audit';
import { RequestScope } from '../../src/tenancy';
import { answersFixture } from '../../src/scoring/scoring.fixtures';
import { adminClient, mediumModule, seedTenant } from './medium-module';

/** AssessmentsService.submit with its real repositories on a real PostgreSQL, in a request's transaction. */
describe('the submission path (medium: real providers and database, no HTTP)', () => {
  let moduleRef: TestingModule;
  let scope: RequestScope;
  let service: AssessmentsService;
  let admin: Client;
  let editor: { userId: string; tenantId: string };

  beforeAll(async () => {
    moduleRef = await mediumModule(AssessmentsModule);
    scope = moduleRef.get(RequestScope);
    service = moduleRef.get(AssessmentsService);
    admin = await adminClient();
  });
  beforeEach(async () => {
    editor = await seedTenant(admin, 'CONTRIBUTOR');
  });
  afterAll(async () => {
    await admin.end();
    await moduleRef.close();
  });

  const input = (over: Partial<SubmitAssessmentInput> = {}): SubmitAssessmentInput =>
    Object.assign(new Object() as SubmitAssessmentInput, {
      period: '2025-Q3',
      answers: answersFixture(),
      idempotencyKey: randomUUID(),
      supersede: false,
      ...over,
    });

  /** Submits as the editor in a request of its own (committed), with the mutation's audit record open. */
  function submit(body: SubmitAssessmentInput) {
    return scope.run(editor.userId, editor.tenantId, async () => {
      const audit = beginAuditRecord('submitAssessment');
      const assessment = await service.submit(body);
      return { assessment, unchanged: audit?.unchanged };
    });
  }

  async function stored(): Promise<{ id: string; period: string; superseded_by: string | null }[]> {
    const { rows } = await admin.query(
      'SELECT id, period, superseded_by FROM assessments WHERE tenant_id = $1 ORDER BY submitted_at, id',
      [editor.tenantId],
    );
    return rows;
  }

  it('inserts a scored snapshot of the facts with the answers, once', async () => {
    const { assessment, unchanged } = await submit(input());
    expect(assessment).toMatchObject({ period: '2025-Q3', current: true, preview: false, modelVersion: 'social-maturity/v1' });
    expect(unchanged).toBe(false);
    expect(await stored()).toEqual([{ id: assessment.id, period: '2025-Q3', superseded_by: null }]);
  });

  it('a replay (same key, same body) returns the first result, stores nothing and marks its audit record unchanged', async () => {
    const body = input();
    const first = await submit(body);
    const replay = await submit({ ...body });
    expect(replay.assessment.id).toBe(first.assessment.id);
    expect(replay.unchanged).toBe(true);
    expect(await stored()).toHaveLength(1);
  });

  it('the same key with another body is IDEMPOTENCY_KEY_REUSED', async () => {
    const body = input();
    await submit(body);
    await expect(submit({ ...body, answers: answersFixture({ managementSupport: 1 }) })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(await stored()).toHaveLength(1);
  });

  it('a taken period without supersede is refused (CONFLICT) and stores nothing', async () => {
    await submit(input());
    await expect(submit(input())).rejects.toBeInstanceOf(PeriodAlreadyAssessedError);
    expect(await stored()).toHaveLength(1);
  });

  it('supersede replaces the current assessment of the period, which points to its successor', async () => {
    const first = await submit(input());
    const second = await submit(input({ supersede: true }));
    expect(second.assessment.id).not.toBe(first.assessment.id);
    expect(await stored()).toEqual([
      { id: first.assessment.id, period: '2025-Q3', superseded_by: second.assessment.id },
      { id: second.assessment.id, period: '2025-Q3', superseded_by: null },
    ]);
  });
});
