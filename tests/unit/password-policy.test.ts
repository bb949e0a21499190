import { listBreachedPasswords } from '@/lib/auth/password-guessability';
import {
  checkPasswordPolicy,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR,
  PASSWORD_MIN_LENGTH_WITHOUT_TWO_FACTOR,
} from '@/lib/auth/password-policy';

const context = { tenantDomain: '123456.sms', username: 'jdoe', email: 'jane.doe@example.com' };
const strong = 'quiet violet harbour lantern'; // 28 characters, no context words

function check(password: string, hasTwoFactor = true) {
  return checkPasswordPolicy({ password, hasTwoFactor, context });
}

describe('password policy', () => {
  it('has the lengths of SECURITY.md', () => {
    expect(PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR).toBe(12);
    expect(PASSWORD_MIN_LENGTH_WITHOUT_TWO_FACTOR).toBe(15);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });

  it('accepts a long uncommon password without composition rules', () => {
    expect(check(strong)).toEqual([]);
    expect(check(strong, false)).toEqual([]);
  });

  it('requires 12 characters with two-factor and 15 without', () => {
    expect(check('zqxvtrwplmnb')).toEqual([]);
    expect(check('zqxvtrwplmn')).toEqual(['too_short']);
    expect(check('zqxvtrwplmnbkjh', false)).toEqual([]);
    expect(check('zqxvtrwplmnbkj', false)).toEqual(['too_short']);
    expect(check('')).toContain('too_short');
  });

  it('counts characters as code points, not UTF-16 units', () => {
    // Each of these emoji is two UTF-16 units: 11 of them are 22 units but still too short.
    const emoji = [...'🔐🔑🔒🔓📱💻📡🚀🌍🎲🧭🪁'];
    expect(check(emoji.join(''))).toEqual([]);
    expect(check(emoji.slice(0, 11).join(''))).toEqual(['too_short']);
    expect(check(Array.from({ length: 128 }, (_, index) => emoji[(index * 5) % emoji.length]).join(''))).toEqual([]);
  });

  it('allows 128 characters and rejects 129', () => {
    const body = 'zqxvtrwplmnbkjhg';
    expect(check(body.repeat(8))).toEqual([]);
    expect(check(`${body.repeat(8)}z`)).toEqual(['too_long']);
  });

  it('uses a breached-password list of at least 10,000 entries', () => {
    const list = listBreachedPasswords();
    expect(list.length).toBeGreaterThanOrEqual(10_000);
    for (const entry of ['123456', 'password', 'qwerty', 'iloveyou', 'trustno1']) {
      expect(list).toContain(entry);
    }
  });

  it('rejects common passwords regardless of case', () => {
    const common = listBreachedPasswords().find((entry) => [...entry].length >= 15 && /^[a-z]+$/.test(entry));
    expect(common).toBeDefined();
    expect(check(common as string, false)).toEqual(['common']);
    expect(check((common as string).toUpperCase(), false)).toEqual(['common']);
    expect(check('password')).toEqual(['too_short', 'common']);
  });

  // Issue 14.8: an exact-match list could only refuse the few entries of 12 characters and more;
  // these pass every length rule and are still among the first guesses of any attacker.
  it.each([
    ['a keyboard walk and a sequence', 'qwertyuiop1234'],
    ['a common password with digits', 'iloveyou12345'],
    ['a German word with digits', 'passwort12345'],
    ['a keyboard zigzag', '1q2w3e4r5t6y7u'],
    ['a repeated common password', 'monkeymonkeymonkey'],
    ['a capitalised common password and a sequence', 'Password98765432'],
  ])('rejects %s that meets the length rules', (_, password) => {
    expect([...password].length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR);
    expect(check(password)).toEqual(['common']);
  });

  it.each([['Correct-Horse-Battery-9'], ['quiet violet harbour lantern'], ['Blauer Kran tanzt um 7']])('accepts the passphrase %s', (password) => {
    expect(check(password)).toEqual([]);
  });

  it.each([
    ['the username', 'my name is JDoe forever'],
    ['the tenant domain', 'tenant 123456.SMS is mine'],
    ['the tenant digits', 'violet harbour 123456'],
    ['the email local part', 'Jane.Doe loves lanterns'],
    ['the product name', 'Mobile Security Portal 2024!'],
    ['the product word without spaces', 'mobilesecurity lantern'],
    ['the word portal', 'violet harbour PORTAL'],
  ])('rejects a password containing %s', (_, password) => {
    expect(check(password)).toEqual(['contains_context']);
  });

  it('ignores email local parts shorter than three characters', () => {
    const issues = checkPasswordPolicy({
      password: 'quiet violet ab harbour',
      hasTwoFactor: true,
      context: { email: 'ab@example.com' },
    });
    expect(issues).toEqual([]);
  });

  it('works with an empty context', () => {
    expect(checkPasswordPolicy({ password: strong, hasTwoFactor: false, context: {} })).toEqual([]);
  });

  it('reports several issues at once', () => {
    expect(check(`portal${'x'.repeat(123)}`)).toEqual(['too_long', 'contains_context']);
  });
});
