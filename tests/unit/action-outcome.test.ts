import { readOutcome, withOutcome } from '@/lib/forms/action-outcome';

const params = (url: string) => Object.fromEntries(new URL(url, 'http://portal.invalid').searchParams);

describe('action outcomes in the address (post/redirect/get)', () => {
  it('writes a success with its target and a one-off number, and reads it back', () => {
    const url = withOutcome('/tenant/123456.sms/users', { status: 'success', code: 'twoFactorReset', target: '0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11' }, 'abc');
    expect(url).toBe('/tenant/123456.sms/users?done=twoFactorReset&target=0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11&n=abc');
    expect(readOutcome(params(url))).toEqual({ status: 'success', code: 'twoFactorReset', target: '0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11', key: 'done:twoFactorReset:0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11:abc' });
  });

  it('keeps the page’s own query and replaces an older outcome', () => {
    const url = withOutcome('/tenant/100001.sms/customers?q=beta&done=licenseExtended&n=1', { status: 'error', code: 'not_later' }, '2');
    expect(params(url)).toEqual({ q: 'beta', failed: 'not_later', n: '2' });
  });

  it('gives the same action a new key each time, so its answer is shown and announced again', () => {
    const first = readOutcome(params(withOutcome('/x', { status: 'success', code: 'disabled', target: 'u1' }, '1')));
    const second = readOutcome(params(withOutcome('/x', { status: 'success', code: 'disabled', target: 'u1' }, '2')));
    expect(first?.key).not.toBe(second?.key);
  });

  it.each([
    [{}],
    [{ done: 'a', failed: 'b' }],
    [{ done: '<script>' }],
    [{ done: 'users.messages.disabled' }],
    [{ done: ['a', 'b'] }],
    [{ failed: 'x'.repeat(49) }],
  ])('reads nothing from a missing or crafted outcome: %p', (search) => {
    expect(readOutcome(search)).toBeNull();
  });

  it('drops a target that is not an id or a tenant domain', () => {
    expect(readOutcome({ done: 'disabled', target: 'Bob was fired' })?.target).toBeUndefined();
    expect(withOutcome('/x', { status: 'success', code: 'disabled', target: 'a b' }, '1')).toBe('/x?done=disabled&n=1');
  });
});
