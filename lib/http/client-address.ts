import { isIP } from 'node:net';
import { getEnv } from '@/lib/env';
import { compileTrustedProxies } from '@/lib/trusted-proxies.mjs';

let compiled: { entries: string[]; isTrusted: (address: string) => boolean } | undefined;

function trustedProxies(): (address: string) => boolean {
  const entries = getEnv().TRUSTED_PROXIES;
  if (compiled?.entries !== entries) compiled = { entries, isTrusted: compileTrustedProxies(entries) };
  return compiled.isTrusted;
}

/**
 * The client address for throttling and audit. server.mjs (`npm start`) sets
 * `x-forwarded-for` from the TCP peer: a client's own header is replaced, a configured
 * proxy's chain gets the peer appended. Entries are read from the right (the hop nearest to
 * us) and configured proxies (addresses or CIDR ranges) are skipped, so only they can vouch for
 * an earlier address.
 */
export function resolveClientAddress(headers: Pick<Headers, 'get'>): string {
  const isTrusted = trustedProxies();
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => isIP(normalizeAddress(entry)) !== 0)
    .map(normalizeAddress);
  if (chain.length === 0) return 'unknown';
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const address = chain[index]!;
    if (!isTrusted(address) || index === 0) return address;
  }
  return chain[0]!;
}

function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
