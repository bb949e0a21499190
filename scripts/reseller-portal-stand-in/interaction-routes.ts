import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { findAccountByCredentials, findAccount, isValidCode } from './accounts';
import { html, page } from './html';
import { readForm, sendHtml } from './http';

// The reseller portal's own login: tenant domain, username and password, then its own TOTP code
// when two-factor is active for the account. The ID token says which: amr ["pwd"] or ["pwd", "otp"].

const CODE_STEP_MS = 10 * 60 * 1000;
// Interactions whose password was right and whose code is still to come.
const awaitingCode = new Map<string, { subject: string; until: number }>();

function loginPage(uid: string, error?: string): string {
  return page(
    'Log in to the reseller portal',
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/interaction/${uid}/login">
        <label for="tenantDomain">Tenant domain</label><input id="tenantDomain" name="tenantDomain" required autocomplete="organization">
        <label for="username">Username</label><input id="username" name="username" required autocomplete="username">
        <label for="password">Password</label><input id="password" name="password" type="password" required autocomplete="current-password">
        <button type="submit">Log in</button>
      </form>
      <form method="post" action="/interaction/${uid}/abort"><button type="submit" class="secondary">Cancel</button></form>`,
  );
}

function codePage(uid: string, error?: string): string {
  return page(
    'Two-factor authentication',
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/interaction/${uid}/code">
        <label for="code">Authentication code</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
        <button type="submit">Verify</button>
      </form>`,
  );
}

async function finishLogin(provider: Provider, req: IncomingMessage, res: ServerResponse, subject: string, amr: string[]): Promise<void> {
  await provider.interactionFinished(req, res, { login: { accountId: subject, amr, remember: false } }, { mergeWithLastSubmission: false });
}

export async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const { uid } = details;
  const action = path.slice(`/interaction/${uid}`.length);
  if (req.method === 'GET' && action === '') {
    if (details.prompt.name === 'login') return sendHtml(res, 200, loginPage(uid));
    // Consent is granted by loadExistingGrant (first-party client); anything else ends here.
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: `unexpected prompt ${details.prompt.name}` });
  }
  if (req.method !== 'POST') return sendHtml(res, 405, page('Not allowed', html``));
  const form = await readForm(req);
  if (action === '/abort') {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the person cancelled the login' }, { mergeWithLastSubmission: false });
  }
  if (action === '/login') {
    const account = findAccountByCredentials({ tenantDomain: form.tenantDomain ?? '', username: form.username ?? '', password: form.password ?? '' });
    if (!account) return sendHtml(res, 200, loginPage(uid, 'Tenant domain, username or password is incorrect.'));
    if (!account.twoFactorSecret) return finishLogin(provider, req, res, account.subject, ['pwd']);
    awaitingCode.set(uid, { subject: account.subject, until: Date.now() + CODE_STEP_MS });
    return sendHtml(res, 200, codePage(uid));
  }
  if (action === '/code') {
    const waiting = awaitingCode.get(uid);
    const account = waiting && waiting.until > Date.now() ? findAccount(waiting.subject) : undefined;
    if (!account?.twoFactorSecret) return sendHtml(res, 200, loginPage(uid, 'Please log in again.'));
    if (!isValidCode(account.twoFactorSecret, form.code ?? '')) return sendHtml(res, 200, codePage(uid, 'Invalid code.'));
    awaitingCode.delete(uid);
    return finishLogin(provider, req, res, account.subject, ['pwd', 'otp']);
  }
  return sendHtml(res, 404, page('Not found', html``));
}
