import { setLocale } from '@/app/locale/actions';

const cookieSet = jest.fn();

jest.mock('next/headers', () => ({
  cookies: async () => ({ set: cookieSet }),
}));

class RedirectSignal extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

jest.mock('next/navigation', () => ({
  redirect: (location: string) => {
    throw new RedirectSignal(location);
  },
}));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

async function redirectOf(promise: Promise<void>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof RedirectSignal)) throw new Error('expected a redirect');
  return error.location;
}

beforeEach(() => cookieSet.mockClear());

describe('setLocale', () => {
  it('stores German for a year and returns the person to the page they were on', async () => {
    const location = await redirectOf(setLocale(form({ locale: 'de', returnTo: '/tenant/123456.sms' })));

    expect(location).toBe('/tenant/123456.sms');
    expect(cookieSet).toHaveBeenCalledWith('NEXT_LOCALE', 'de', {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'lax',
      httpOnly: false,
      secure: false,
    });
  });

  it('does not follow a return address on another site (no open redirect)', async () => {
    expect(await redirectOf(setLocale(form({ locale: 'en', returnTo: '//evil.test/phish' })))).toBe('/');
    expect(await redirectOf(setLocale(form({ locale: 'en', returnTo: 'https://evil.test/' })))).toBe('/');
    expect(await redirectOf(setLocale(form({ locale: 'en' })))).toBe('/');
  });

  it('ignores a language the portal does not offer', async () => {
    const location = await redirectOf(setLocale(form({ locale: 'fr', returnTo: '/login' })));

    expect(location).toBe('/login');
    expect(cookieSet).not.toHaveBeenCalled();
  });

  it('ignores extra fields the framework adds to the form data', async () => {
    await redirectOf(setLocale(form({ locale: 'de', $ACTION_ID_abc: '' })));

    expect(cookieSet).toHaveBeenCalledWith('NEXT_LOCALE', 'de', expect.any(Object));
  });

  it('a forged call without form data changes nothing and goes home, instead of failing', async () => {
    expect(await redirectOf(setLocale('["x"]' as unknown as FormData))).toBe('/');
    expect(cookieSet).not.toHaveBeenCalled();
  });
});
