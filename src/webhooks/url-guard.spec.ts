import {
  checkWebhookUrl,
  DEFAULT_WEBHOOK_PORTS,
  isPublicAddress,
  parseWebhookUrl,
  resolvePublicHost,
  WebhookUrlError,
} from './url-guard';

const STRICT = { allowPrivate: false, allowedPorts: DEFAULT_WEBHOOK_PORTS };
const PRIVATE = { allowPrivate: true, allowedPorts: DEFAULT_WEBHOOK_PORTS };

describe('webhook URL guard', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '239.255.255.250',
    '255.255.255.255',
    '198.51.100.7',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '2002:a00:1::1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
  ])('accepts the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('wants https without credentials, unless private targets are allowed (then http too)', () => {
    expect(() => parseWebhookUrl('http://example.test/hook', STRICT)).toThrow('must be an https URL');
    expect(() => parseWebhookUrl('ftp://example.test/hook', PRIVATE)).toThrow('must be an https URL');
    expect(() => parseWebhookUrl('https://user:pw@example.test/hook', STRICT)).toThrow('credentials');
    expect(() => parseWebhookUrl('not a url', STRICT)).toThrow(WebhookUrlError);
    expect(parseWebhookUrl('http://127.0.0.1:8080/hook', PRIVATE).host).toBe('127.0.0.1');
    expect(parseWebhookUrl('https://[::1]/hook', PRIVATE).host).toBe('::1');
  });

  it('refuses a host name when any of its addresses is not public', async () => {
    const resolver = (answers: Record<string, string[]>) => (host: string) =>
      answers[host] ? Promise.resolve(answers[host]) : Promise.reject(new Error('ENOTFOUND'));
    const dns = resolver({
      'good.test': ['93.184.216.34'],
      'mixed.test': ['93.184.216.34', '10.0.0.8'],
      'empty.test': [],
    });
    await expect(resolvePublicHost('good.test', false, dns)).resolves.toEqual(['93.184.216.34']);
    await expect(resolvePublicHost('mixed.test', false, dns)).rejects.toThrow('non-public');
    await expect(resolvePublicHost('mixed.test', true, dns)).resolves.toHaveLength(2);
    await expect(resolvePublicHost('missing.test', false, dns)).rejects.toThrow('does not resolve');
    await expect(resolvePublicHost('empty.test', false, dns)).rejects.toThrow('does not resolve');
    await expect(checkWebhookUrl('https://[fd00::1]/x', STRICT, dns)).rejects.toThrow('non-public');
    await expect(checkWebhookUrl('https://good.test/x?a=1', STRICT, dns)).resolves.toBe(
      'https://good.test/x?a=1',
    );
  });

  it('allows only ports 443 and 8443 by default, the configured ones otherwise, and any port with private targets', async () => {
    expect(parseWebhookUrl('https://example.test/hook', STRICT).url.port).toBe('');
    expect(parseWebhookUrl('https://example.test:443/hook', STRICT).host).toBe('example.test');
    expect(parseWebhookUrl('https://example.test:8443/hook', STRICT).host).toBe('example.test');
    for (const url of ['https://example.test:22/x', 'https://example.test:5432/x', 'https://example.test:8080/x']) {
      expect(() => parseWebhookUrl(url, STRICT)).toThrow('must use port 443 or 8443');
    }
    expect(() => parseWebhookUrl('https://example.test:6379/x', STRICT)).toThrow('not 6379');
    const custom = { allowPrivate: false, allowedPorts: [9443] };
    expect(parseWebhookUrl('https://example.test:9443/x', custom).host).toBe('example.test');
    expect(() => parseWebhookUrl('https://example.test/x', custom)).toThrow('must use port 9443, not 443');
    expect(parseWebhookUrl('http://127.0.0.1:5432/x', PRIVATE).host).toBe('127.0.0.1');
    const dns = () => Promise.resolve(['93.184.216.34']);
    await expect(checkWebhookUrl('https://good.test:25/x', STRICT, dns)).rejects.toThrow('must use port');
  });
});
