import { judgeRequestSource } from '@/lib/http/cross-site-request';

const HOST = 'portal.example:3000';

function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers(headers) };
}

describe('judgeRequestSource: which state-changing requests come from our own pages', () => {
  it('lets a form post from the portal itself through (JavaScript on: Origin and Sec-Fetch-Site)', () => {
    expect(judgeRequestSource(request('POST', { origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' }), HOST)).toEqual({ ok: true });
  });

  it('lets a post with the right Origin and no Sec-Fetch-Site through (older browsers, scripts that say who they are)', () => {
    expect(judgeRequestSource(request('POST', { origin: `http://${HOST}` }), HOST).ok).toBe(true);
  });

  it('refuses a real cross-site form post, with or without an Origin', () => {
    expect(judgeRequestSource(request('POST', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), HOST)).toEqual({ ok: false, reason: 'cross_site' });
    expect(judgeRequestSource(request('POST', { 'sec-fetch-site': 'cross-site' }), HOST)).toEqual({ ok: false, reason: 'cross_site' });
  });

  it('refuses a sibling sub-domain (same-site is not same-origin)', () => {
    expect(judgeRequestSource(request('POST', { origin: 'https://other.portal.example', 'sec-fetch-site': 'same-site' }), HOST).ok).toBe(false);
  });

  it('refuses Sec-Fetch-Site cross-site even when a forged Origin names the portal', () => {
    expect(judgeRequestSource(request('POST', { origin: `http://${HOST}`, 'sec-fetch-site': 'cross-site' }), HOST).ok).toBe(false);
  });

  it('refuses Origin: null (sandboxed frames, data: documents), whatever Sec-Fetch-Site says', () => {
    expect(judgeRequestSource(request('POST', { origin: 'null', 'sec-fetch-site': 'cross-site' }), HOST).ok).toBe(false);
    expect(judgeRequestSource(request('POST', { origin: 'null' }), HOST)).toEqual({ ok: false, reason: 'foreign_origin' });
  });

  it('refuses another origin without Sec-Fetch-Site (older browsers), and an unreadable one', () => {
    expect(judgeRequestSource(request('POST', { origin: 'https://evil.example' }), HOST).ok).toBe(false);
    expect(judgeRequestSource(request('POST', { origin: 'not a url' }), HOST).ok).toBe(false);
    expect(judgeRequestSource(request('POST', { origin: `https://${HOST}.evil.example` }), HOST).ok).toBe(false);
  });

  it('refuses a request with neither Origin nor Sec-Fetch-Site (documented decision)', () => {
    expect(judgeRequestSource(request('POST', {}), HOST)).toEqual({ ok: false, reason: 'unknown_source' });
    expect(judgeRequestSource(request('DELETE', {}), HOST).ok).toBe(false);
  });

  it('accepts Sec-Fetch-Site same-origin or none without an Origin', () => {
    expect(judgeRequestSource(request('POST', { 'sec-fetch-site': 'same-origin' }), HOST).ok).toBe(true);
    expect(judgeRequestSource(request('POST', { 'sec-fetch-site': 'none' }), HOST).ok).toBe(true);
  });

  it('refuses when the addressed host is unknown', () => {
    expect(judgeRequestSource(request('POST', { origin: `http://${HOST}` }), null).ok).toBe(false);
  });

  it('never judges reading requests', () => {
    expect(judgeRequestSource(request('GET', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }), HOST).ok).toBe(true);
    expect(judgeRequestSource(request('HEAD', {}), HOST).ok).toBe(true);
  });
});
