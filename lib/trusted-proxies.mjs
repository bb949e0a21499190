// Which TCP peers and X-Forwarded-For hops are reverse proxies of ours: TRUSTED_PROXIES, a
// comma-separated list of addresses and CIDR ranges (10.0.0.0/8, fd00::/8) and proxy-addr's
// names (loopback, linklocal, uniquelocal). Shared by server.mjs, lib/env.ts (it validates the
// setting) and lib/http/client-address.ts; at the root of lib/ so that the settings depend on no
// folder of lib/ (tests/unit/module-layers.test.ts).
import proxyaddr from 'proxy-addr';

/** A function telling whether an address is a trusted proxy; throws on an entry proxy-addr does not understand. */
export function compileTrustedProxies(entries) {
  const trust = proxyaddr.compile(entries);
  return (address) => trust(address, 0);
}

/** The list of TRUSTED_PROXIES as written (comma-separated, blanks ignored). */
export function parseTrustedProxies(value) {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
