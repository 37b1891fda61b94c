import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses defaults outside production', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.env).toBe('development');
    expect(c.jwt.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses to start in production without a JWT secret, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', APP_DB_PASSWORD: 'x' })).toThrow(
      /JWT_SECRET: is required in production/,
    );
  });

  it('names each bad value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('JWT_SECRET: must be at least 32 characters');
  });
});

describe('SQL_STATEMENTS_HEADER', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', APP_DB_PASSWORD: 'x', JWT_SECRET: 'y'.repeat(32) };

  it('is off unless asked for', () => {
    expect(loadConfig({}).sqlStatementsHeader).toBe(false);
    expect(loadConfig({ SQL_STATEMENTS_HEADER: 'true' }).sqlStatementsHeader).toBe(true);
  });

  it('is never on in production', () => {
    expect(loadConfig({ ...production, SQL_STATEMENTS_HEADER: 'true' }).sqlStatementsHeader).toBe(false);
  });

  it('refuses a value other than true or false', () => {
    expect(() => loadConfig({ SQL_STATEMENTS_HEADER: 'yes' })).toThrow(/SQL_STATEMENTS_HEADER/);
  });
});
