import { ResponseCookies } from 'next/dist/compiled/@edge-runtime/cookies';

// Issue 14.8: served over https the pending-login cookie is `__Host-msp_pending_login`, which a
// browser accepts only with Secure. Its deletion must say Secure too, or the browser ignores it.

async function deletionHeader(publicBaseUrl: string): Promise<string> {
  const previous = process.env.PUBLIC_BASE_URL;
  process.env.PUBLIC_BASE_URL = publicBaseUrl;
  try {
    let header = '';
    await jest.isolateModulesAsync(async () => {
      const { resetEnvCache } = await import('@/lib/env');
      resetEnvCache();
      const { clearPendingLoginCookie } = await import('@/app/login/login-cookies');
      const headers = new Headers();
      clearPendingLoginCookie(new ResponseCookies(headers));
      header = headers.get('set-cookie') ?? '';
    });
    return header;
  } finally {
    process.env.PUBLIC_BASE_URL = previous;
  }
}

describe('deleting the pending-login cookie', () => {
  it('over https: the __Host- cookie is deleted with Secure, HttpOnly and Path=/, as it was set', async () => {
    const header = await deletionHeader('https://portal.example.test');
    expect(header).toMatch(/^__Host-msp_pending_login=;/);
    expect(header).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Path=\//);
  });

  it('over plain http (development): no prefix and no Secure', async () => {
    const header = await deletionHeader('http://localhost:3000');
    expect(header).toMatch(/^msp_pending_login=;/);
    expect(header).not.toMatch(/Secure/);
  });
});
