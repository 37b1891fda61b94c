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

  describe('webhook settings', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://a@b/c',
      APP_DB_PASSWORD: 'x',
      JWT_SECRET: 'a-production-secret-a-production-secret',
    };

    it('refuses WEBHOOKS_ALLOW_PRIVATE=true in production, naming the variable', () => {
      expect(loadConfig(production).webhooks.allowPrivate).toBe(false);
      expect(() => loadConfig({ ...production, WEBHOOKS_ALLOW_PRIVATE: 'true' })).toThrow(
        /WEBHOOKS_ALLOW_PRIVATE: must not be true in production/,
      );
      expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'true' }).webhooks.allowPrivate).toBe(true);
      expect(loadConfig({ NODE_ENV: 'test', WEBHOOKS_ALLOW_PRIVATE: 'true' }).webhooks.allowPrivate).toBe(true);
    });

    it('allows ports 443 and 8443 unless WEBHOOKS_ALLOWED_PORTS lists others', () => {
      expect(loadConfig({}).webhooks.allowedPorts).toEqual([443, 8443]);
      expect(loadConfig({ WEBHOOKS_ALLOWED_PORTS: '443, 9443,9443' }).webhooks.allowedPorts).toEqual([443, 9443]);
      for (const bad of ['', 'https', '0', '65536', '443,,8443', '443;8443']) {
        expect(() => loadConfig({ WEBHOOKS_ALLOWED_PORTS: bad })).toThrow(/WEBHOOKS_ALLOWED_PORTS: must be a comma-separated list/);
      }
    });
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
