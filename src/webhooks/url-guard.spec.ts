import {
  checkWebhookUrl,
  isPublicAddress,
  parseWebhookUrl,
  resolvePublicHost,
  WebhookUrlError,
} from './url-guard';

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
    expect(() => parseWebhookUrl('http://example.test/hook', false)).toThrow('must be an https URL');
    expect(() => parseWebhookUrl('ftp://example.test/hook', true)).toThrow('must be an https URL');
    expect(() => parseWebhookUrl('https://user:pw@example.test/hook', false)).toThrow('credentials');
    expect(() => parseWebhookUrl('not a url', false)).toThrow(WebhookUrlError);
    expect(parseWebhookUrl('http://127.0.0.1:8080/hook', true).host).toBe('127.0.0.1');
    expect(parseWebhookUrl('https://[::1]/hook', true).host).toBe('::1');
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
    await expect(checkWebhookUrl('https://[fd00::1]/x', false, dns)).rejects.toThrow('non-public');
    await expect(checkWebhookUrl('https://good.test/x?a=1', false, dns)).resolves.toBe(
      'https://good.test/x?a=1',
    );
  });
});
