import path from 'node:path';
import { ConfigError, KNOWN_PLACEHOLDER_SECRETS, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses defaults outside production', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.env).toBe('development');
    // No constant development secret any more: createApp loads or creates one kept next to the embedded data.
    expect(c.jwt.secret).toBeUndefined();
    expect(c.jwt.generatedSecretFile).toBe(`${path.resolve('.data/postgres')}.jwt-secret`);
    expect(loadConfig({ DATABASE_URL: 'postgres://a@b/c' }).jwt.generatedSecretFile).toBe(path.resolve('.data/jwt-secret'));
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

  describe('refuses placeholder JWT secrets in production', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', APP_DB_PASSWORD: 'x' };
    const placeholders = [
      ...KNOWN_PLACEHOLDER_SECRETS,
      'change-me-to-a-long-random-secret-of-32-chars-or-more', // docker-compose.yml's
      'dev-only-secret-change-me-dev-only-secret-change-me', // the old development default
      'CHANGEME-CHANGEME-CHANGEME-CHANGEME-CHANGEME',
      'please_replace_me_with_something_long_and_random',
      'your-jwt-secret-goes-here-xxxxxxxxxxxxxxxxxxxxx',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '12345678901234567890123456789012',
    ];
    it.each(placeholders)('%s', (secret) => {
      expect(() => loadConfig({ ...production, JWT_SECRET: secret })).toThrow(/JWT_SECRET: (is a published placeholder|looks like a placeholder|has fewer than)/);
    });

    it('refuses one shorter than 32 characters, and accepts a random one', () => {
      expect(() => loadConfig({ ...production, JWT_SECRET: 'Zq8#rT2!vL9@xW4$' })).toThrow(/JWT_SECRET: must be at least 32 characters/);
      const random = 'pV3kq9T0xN2bW7rLmA5sZ1cY8dF4gH6jUe0oIq2Rw';
      expect(loadConfig({ ...production, JWT_SECRET: random }).jwt.secret).toBe(random);
    });

    it('leaves development and tests free to use them', () => {
      expect(loadConfig({ JWT_SECRET: KNOWN_PLACEHOLDER_SECRETS[0] }).jwt.secret).toBe(KNOWN_PLACEHOLDER_SECRETS[0]);
    });
  });

  describe('TRUST_PROXY', () => {
    it('is off by default', () => {
      expect(loadConfig({}).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    });

    it("takes a hop count or express's list of addresses, subnets and names", () => {
      expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.168.1.1/255.255.255.0' }).trustProxy).toBe(
        'loopback,10.0.0.0/8,fd00::/8,192.168.1.1/255.255.255.0',
      );
    });

    it('refuses true (every client would choose its own address) and garbage, naming the variable', () => {
      expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would trust every client/);
      expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.com' })).toThrow(/TRUST_PROXY: "proxy.example.com" is not/);
      expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    });
  });

  it('GRAPHQL_COMPILE_AFTER_RUNS: compiled on the second run by default, at once with 0, never with off', () => {
    expect(loadConfig({}).graphqlCompileAfterRuns).toBe(1);
    expect(loadConfig({ GRAPHQL_COMPILE_AFTER_RUNS: '0' }).graphqlCompileAfterRuns).toBe(0);
    expect(loadConfig({ GRAPHQL_COMPILE_AFTER_RUNS: 'off' }).graphqlCompileAfterRuns).toBeNull();
    for (const bad of ['-1', 'on', '1.5']) {
      expect(() => loadConfig({ GRAPHQL_COMPILE_AFTER_RUNS: bad })).toThrow(/GRAPHQL_COMPILE_AFTER_RUNS/);
    }
  });

  it('HSTS is off unless configured', () => {
    expect(loadConfig({}).hstsMaxAgeSeconds).toBeNull();
    expect(loadConfig({ HSTS: 'true' }).hstsMaxAgeSeconds).toBe(365 * 86_400);
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
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', APP_DB_PASSWORD: 'x', JWT_SECRET: 'pV3kq9T0xN2bW7rLmA5sZ1cY8dF4gH6jUe0oIq2Rw' };

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
