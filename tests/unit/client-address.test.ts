import { resolveClientAddress } from '@/lib/http/client-address';
import { getEnv, resetEnvCache } from '@/lib/env';

// TRUSTED_PROXIES takes addresses and CIDR ranges (proxy-addr): load balancers and Kubernetes
// ingress controllers come from a range, not from one fixed address.

const saved = process.env.TRUSTED_PROXIES;

function clientOf(forwardedFor: string, trustedProxies: string): string {
  process.env.TRUSTED_PROXIES = trustedProxies;
  resetEnvCache();
  return resolveClientAddress(new Headers({ 'x-forwarded-for': forwardedFor }));
}

afterEach(() => {
  if (saved === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = saved;
  resetEnvCache();
});

describe('client address behind trusted proxies', () => {
  test('skips every hop inside a trusted CIDR range, from the right', () => {
    expect(clientOf('203.0.113.7, 10.1.2.3, 10.200.0.9', '10.0.0.0/8')).toBe('203.0.113.7');
    expect(clientOf('203.0.113.7, 172.16.5.4', '10.0.0.0/8, 172.16.0.0/12')).toBe('203.0.113.7');
    expect(clientOf('2001:db8::1, fd00::12', 'fd00::/8')).toBe('2001:db8::1');
  });

  test('a hop outside the ranges is the client, whatever it claims before', () => {
    expect(clientOf('198.51.100.1, 203.0.113.7, 10.1.2.3', '10.0.0.0/8')).toBe('203.0.113.7');
    expect(clientOf('203.0.113.7, 11.0.0.1', '10.0.0.0/8')).toBe('11.0.0.1');
  });

  test('exact addresses and proxy-addr names still work; IPv4-mapped IPv6 counts as IPv4', () => {
    expect(clientOf('203.0.113.7, 192.0.2.10', '192.0.2.10')).toBe('203.0.113.7');
    expect(clientOf('203.0.113.7, ::ffff:127.0.0.1', 'loopback')).toBe('203.0.113.7');
    expect(clientOf('203.0.113.7, 127.0.0.1', '')).toBe('127.0.0.1');
  });

  test('an entry that is neither an address nor a range stops the configuration', () => {
    process.env.TRUSTED_PROXIES = '10.0.0.0/8, not-an-address';
    resetEnvCache();
    expect(() => getEnv()).toThrow(/TRUSTED_PROXIES/);
    process.env.TRUSTED_PROXIES = '10.0.0.0/33';
    resetEnvCache();
    expect(() => getEnv()).toThrow(/TRUSTED_PROXIES/);
  });
});
