import { restoreEnvAfterEach, withEnv } from '../support/environment';

// Settings whose defaults depend on other settings, and lists; lib/env.ts validates everything once.

restoreEnvAfterEach();

describe('environment', () => {
  test('email links follow the port of `PORT=3100 npm run dev` when PUBLIC_BASE_URL is unset', () => {
    expect(withEnv({ PUBLIC_BASE_URL: undefined, PORT: '3100' }).PUBLIC_BASE_URL).toBe('http://localhost:3100');
    expect(withEnv({ PUBLIC_BASE_URL: undefined, PORT: undefined }).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(withEnv({ PUBLIC_BASE_URL: 'https://portal.example', PORT: '3100' }).PUBLIC_BASE_URL).toBe('https://portal.example');
  });

  test('comma-separated lists are trimmed; empty means none', () => {
    expect(withEnv({ TRUSTED_PROXIES: ' 10.0.0.1 , ,10.0.0.2' }).TRUSTED_PROXIES).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(withEnv({ TWO_FACTOR_DECRYPTION_KEYS: '' }).TWO_FACTOR_DECRYPTION_KEYS).toEqual([]);
    expect(() => withEnv({ AUTH_DECRYPTION_SECRETS: 'too-short' })).toThrow(/AUTH_DECRYPTION_SECRETS/);
  });
});
