/** Where the test suite's database lives; shared by global set-up and the tests (values travel in env). */
/** Each run creates `smt_test_<pid>` and drops it at the end. */
export const TEST_DATABASE_PREFIX = 'smt_test_';
export const TEST_APP_PASSWORD = 'smt_app_test_password';
export const EMBEDDED_TEST_DIR = '.data/postgres-test';
export const EMBEDDED_TEST_PORT = Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54330);

export function testUrls(): { adminUrl: string; appUrl: string } {
  const adminUrl = process.env.SMT_TEST_ADMIN_URL;
  const appUrl = process.env.SMT_TEST_APP_URL;
  if (!adminUrl || !appUrl) throw new Error('The test database was not prepared: run the tests through jest (global setup)');
  return { adminUrl, appUrl };
}
