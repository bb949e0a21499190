// The login as a browser without JavaScript performs it: GET the page, copy the form's hidden
// inputs (React's progressive-enhancement `$ACTION_…` fields that name the server action), POST the
// form as multipart/form-data and read the 303 redirect and its cookies.

type CookieJar = Map<string, string>;

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };

function decodeHtml(value: string): string {
  return value.replace(/&(?:quot|amp|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity]!);
}

/**
 * Hidden inputs of the page's form that has a field named `fieldName` (the login form, not the
 * language switch above it): the fields a browser submits without any script.
 */
export function readHiddenInputs(html: string, fieldName: string): Array<[string, string]> {
  const forms = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((match) => match[0]);
  const form = forms.find((candidate) => new RegExp(`\\bname="${fieldName}"`).test(candidate));
  if (!form) throw new Error(`the page has no form with a field "${fieldName}"`);
  const fields: Array<[string, string]> = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    if (!/\btype="hidden"/.test(tag)) continue;
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined) continue;
    fields.push([decodeHtml(name), decodeHtml(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '')]);
  }
  if (!fields.some(([name]) => name.startsWith('$ACTION'))) throw new Error('the form names no server action');
  return fields;
}

function cookieHeader(jar: CookieJar): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function storeCookies(jar: CookieJar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const separator = pair!.indexOf('=');
    const name = pair!.slice(0, separator).trim();
    const value = pair!.slice(separator + 1).trim();
    // Deleting a cookie = an empty value or an expiry in the past.
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0\b/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

export type StepOutcome = { ok: true } | { ok: false; reason: string };

/** One browser: its own cookies, the server's address. */
export class LoginClient {
  readonly jar: CookieJar = new Map();

  constructor(private readonly baseUrl: string) {}

  private async get(path: string): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: cookieHeader(this.jar) }, redirect: 'manual' });
    storeCookies(this.jar, response);
    return response;
  }

  /** The Cookie header this browser sends. */
  cookieHeader(): string {
    return cookieHeader(this.jar);
  }

  /** GET the form page, POST it with `fields`; the outcome is ok when the server redirects (303) to `expectLocation`. */
  private async submitForm(path: string, fields: Record<string, string>, expectLocation: (location: string) => boolean): Promise<StepOutcome> {
    const page = await this.get(path);
    const html = await page.text();
    if (page.status !== 200) return { ok: false, reason: `GET ${path} answered ${page.status}` };
    const form = new FormData();
    for (const [name, value] of readHiddenInputs(html, Object.keys(fields)[0]!)) form.append(name, value);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    // A browser sends Origin with every form POST; Next.js refuses server actions from another origin.
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      body: form,
      headers: { origin: this.baseUrl, cookie: cookieHeader(this.jar) },
      redirect: 'manual',
    });
    storeCookies(this.jar, response);
    await response.arrayBuffer();
    const location = response.headers.get('location') ?? '';
    if (response.status !== 303 || !expectLocation(location)) {
      return { ok: false, reason: `POST ${path} answered ${response.status}${location ? ` → ${location}` : ''}` };
    }
    return { ok: true };
  }

  /** The password step: ok with a 303 to /login/code and the pending-login cookie. */
  async passwordStep(account: { tenantDomain: string; username: string; password: string }): Promise<StepOutcome> {
    const outcome = await this.submitForm('/login', account, (location) => new URL(location, this.baseUrl).pathname === '/login/code');
    if (outcome.ok && !this.hasCookie('msp_pending_login')) return { ok: false, reason: 'no pending-login cookie' };
    return outcome;
  }

  /** The code step: ok with a 303 away from the login and an Auth.js session cookie. */
  async codeStep(code: string): Promise<StepOutcome> {
    const outcome = await this.submitForm('/login/code', { code }, (location) => !new URL(location, this.baseUrl).pathname.startsWith('/login'));
    if (outcome.ok && !this.hasCookie('session-token')) return { ok: false, reason: 'no session cookie' };
    return outcome;
  }

  hasCookie(fragment: string): boolean {
    return [...this.jar.keys()].some((name) => name.includes(fragment));
  }

  /** A signed-in page with this browser's cookies; returns the status. */
  async fetchPage(path: string): Promise<number> {
    const response = await this.get(path);
    await response.arrayBuffer();
    return response.status;
  }
}
