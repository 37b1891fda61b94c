import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * SSRF guard for webhook endpoints: https only, and every address the host resolves to must be public. Checked at
 * registration and again at each delivery, where the connection goes to the very address that was checked (a
 * pinned lookup), so a DNS answer that changes in between (rebinding) cannot reach an internal service.
 * Ports: only those of WEBHOOKS_ALLOWED_PORTS (443 and 8443 by default), so an endpoint cannot aim at a mail,
 * database or admin port of a public host. WEBHOOKS_ALLOW_PRIVATE=true lifts all three rules (local development and
 * tests: any address, any port) and also allows http; it is refused in production.
 */

/** The ports an endpoint may use unless WEBHOOKS_ALLOWED_PORTS says otherwise. */
export const DEFAULT_WEBHOOK_PORTS: readonly number[] = [443, 8443];

/** What the guard allows: from the configuration (config.webhooks). */
export interface WebhookUrlPolicy {
  allowPrivate: boolean;
  allowedPorts: readonly number[];
}

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // NAT64: may embed a private IPv4 address
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: may embed a private IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** False for private, loopback, link-local, unique-local, multicast and other special-purpose addresses. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  // BlockList also applies IPv4 rules to IPv4-mapped IPv6 written in hex (::ffff:7f00:1).
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class WebhookUrlError extends Error {}

export interface ParsedWebhookUrl {
  url: URL;
  /** The host without IPv6 brackets. */
  host: string;
}

export function parseWebhookUrl(raw: string, policy: WebhookUrlPolicy): ParsedWebhookUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('is not a URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowPrivate && url.protocol === 'http:')) {
    throw new WebhookUrlError('must be an https URL');
  }
  if (url.username || url.password) throw new WebhookUrlError('must not carry credentials');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new WebhookUrlError('has no host');
  // URL drops the scheme's default port (443 for https): '' is 443 here, http only passes with allowPrivate.
  const port = url.port === '' ? 443 : Number(url.port);
  if (!policy.allowPrivate && !policy.allowedPorts.includes(port)) {
    throw new WebhookUrlError(`must use port ${policy.allowedPorts.join(' or ')}, not ${port}`);
  }
  return { url, host };
}

export type Resolver = (host: string) => Promise<string[]>;

/** How long registration waits for DNS (it holds the request's transaction meanwhile). */
const LOOKUP_TIMEOUT_MS = 5000;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`DNS lookup of ${host} timed out`)), LOOKUP_TIMEOUT_MS);
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(addresses.map((a) => a.address));
    });
  });

/** The addresses of the host; throws unless it resolves and (without allowPrivate) every address is public. */
export async function resolvePublicHost(
  host: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw new WebhookUrlError('has a host name that does not resolve');
  }
  if (addresses.length === 0) throw new WebhookUrlError('has a host name that does not resolve');
  if (!allowPrivate && !addresses.every(isPublicAddress)) {
    throw new WebhookUrlError('resolves to a private, loopback, link-local or otherwise non-public address');
  }
  return addresses;
}

/** Checks a URL completely, as at registration. Returns the normalised URL. */
export async function checkWebhookUrl(
  raw: string,
  policy: WebhookUrlPolicy,
  resolve: Resolver = systemResolver,
): Promise<string> {
  const { url, host } = parseWebhookUrl(raw, policy);
  await resolvePublicHost(host, policy.allowPrivate, resolve);
  return url.href;
}

/**
 * A lookup for http(s).request that refuses non-public answers: the socket connects only to an address that passed
 * the check. (Node skips `lookup` for IP literals, which parseWebhookUrl's caller checks itself.)
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address));
    if (refused) {
      const err = Object.assign(new Error(`${hostname} resolves to a non-public address`), {
        code: 'ENOTPUBLIC',
      });
      return callback(err, '', 0);
    }
    if ((options as { all?: boolean }).all)
      return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
};
