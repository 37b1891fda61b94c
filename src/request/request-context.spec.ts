import { beginAuditRecord, markMutationUnchanged, setAuditTarget } from '../audit/audit-record';
import { requireSelectedTenant } from '../tenancy/selected-tenant';
import { currentRequestContext, requestContext, runInNewRequestContext, userIdOf } from './request-context';

const TENANT = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

describe('the request context', () => {
  it('is absent outside a request, and the accessors fail closed', () => {
    expect(currentRequestContext()).toBeUndefined();
    expect(() => requestContext()).toThrow('No request context');
    expect(() => requireSelectedTenant({ id: TENANT }, 'teams')).toThrow('No request scope');
    markMutationUnchanged(); // a no-op, not a crash, outside a request
  });

  it('is fresh for each unit of work, and a nested one shares nothing with its parent', async () => {
    await runInNewRequestContext(async (outer) => {
      outer.sqlStatements = 3;
      outer.scope = { caller: { kind: 'user', userId: 'u' }, tenantId: TENANT, role: 'OWNER' };
      await runInNewRequestContext((inner) => {
        expect(inner).not.toBe(outer);
        expect(inner).toMatchObject({ sqlStatements: 0, scope: null, audit: null });
        expect(inner.loaders.size).toBe(0);
        expect(requestContext()).toBe(inner);
        return Promise.resolve();
      });
      expect(requestContext()).toBe(outer);
      expect(outer.sqlStatements).toBe(3);
    });
  });

  it('keeps one audit record per mutation: a replay marks only its own mutation unchanged', async () => {
    await runInNewRequestContext(() => {
      const replay = beginAuditRecord('submitAssessment');
      markMutationUnchanged();
      const next = beginAuditRecord('createTeam');
      setAuditTarget('team-1');
      expect(replay).toEqual({ operation: 'submitAssessment', unchanged: true });
      expect(next).toEqual({ operation: 'createTeam', unchanged: false, targetId: 'team-1' });
      return Promise.resolve();
    });
  });

  it("allows a Tenant's own fields only for the selected tenant", async () => {
    await runInNewRequestContext((context) => {
      context.scope = { caller: { kind: 'user', userId: 'u' }, tenantId: TENANT, role: 'VIEWER' };
      expect(() => requireSelectedTenant({ id: TENANT }, 'teams')).not.toThrow();
      expect(() => requireSelectedTenant({ id: OTHER }, 'teams')).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }) as Error,
      );
      return Promise.resolve();
    });
  });

  it('names the user of a caller, or none for an anonymous request', () => {
    expect(userIdOf({ kind: 'user', userId: 'u-1' })).toBe('u-1');
    expect(userIdOf(null)).toBeNull();
  });
});
