import { replicaAppUrl } from './read-replica';

describe('replicaAppUrl', () => {
  it('is null without READ_DATABASE_URL', () => {
    expect(replicaAppUrl({ readDatabaseUrl: undefined, appDatabaseUrl: undefined, appDbPassword: 'pw' })).toBeNull();
  });

  it("connects to the replica as the app role, with APP_DB_PASSWORD, whoever READ_DATABASE_URL names", () => {
    const url = new URL(replicaAppUrl({ readDatabaseUrl: 'postgres://postgres:admin@replica:5433/smt', appDatabaseUrl: undefined, appDbPassword: 'p@ss word' })!);
    expect([url.username, decodeURIComponent(url.password), url.host, url.pathname]).toEqual(['smt_app', 'p@ss word', 'replica:5433', '/smt']);
  });

  it("takes the app role's credentials from APP_DATABASE_URL when given", () => {
    const url = new URL(
      replicaAppUrl({ readDatabaseUrl: 'postgres://replica/smt', appDatabaseUrl: 'postgres://app_user:secret@primary/smt', appDbPassword: 'unused' })!,
    );
    expect([url.username, url.password, url.host]).toEqual(['app_user', 'secret', 'replica']);
  });

  it('uses a URL that already names the app role as given', () => {
    expect(replicaAppUrl({ readDatabaseUrl: 'postgres://smt_app:own@replica/smt', appDatabaseUrl: undefined, appDbPassword: 'other' })).toBe(
      'postgres://smt_app:own@replica/smt',
    );
  });
});
