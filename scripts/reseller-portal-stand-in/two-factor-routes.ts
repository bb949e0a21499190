import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { findAccount, findAccountByCredentials, isValidCode, setTwoFactorSecret, type StandInAccount } from './accounts';
import { html, Html, page } from './html';
import { readForm, sendHtml } from './http';

// `/two-factor`: where an account of the reseller portal switches its two-factor authentication
// on (a new TOTP secret, confirmed with a code) or off. The portal's RSP dialog links here
// (RESELLER_PORTAL_URL). A short-lived ticket in a hidden field carries the signed-in account
// from form to form; it is a stand-in, so no cookies, no CSRF protection.

const TICKET_MS = 10 * 60 * 1000;
type Ticket = { subject: string; stage: 'code' | 'manage'; newSecret?: string; until: number };
const tickets = new Map<string, Ticket>();

function issueTicket(ticket: Omit<Ticket, 'until'>): string {
  const id = randomBytes(16).toString('base64url');
  tickets.set(id, { ...ticket, until: Date.now() + TICKET_MS });
  return id;
}

function errorLine(error?: string): Html | string {
  return error ? html`<p class="error" role="alert">${error}</p>` : '';
}

function signInPage(error?: string): string {
  return page(
    'Two-factor authentication settings',
    html`${errorLine(error)}<p>Log in to change the two-factor authentication of your reseller portal account.</p>
      <form method="post" action="/two-factor/sign-in">
        <label for="tenantDomain">Tenant domain</label><input id="tenantDomain" name="tenantDomain" required>
        <label for="username">Username</label><input id="username" name="username" required autocomplete="username">
        <label for="password">Password</label><input id="password" name="password" type="password" required autocomplete="current-password">
        <button type="submit">Log in</button>
      </form>`,
  );
}

function codePage(ticket: string, error?: string): string {
  return page(
    'Two-factor authentication',
    html`${errorLine(error)}<form method="post" action="/two-factor/code"><input type="hidden" name="ticket" value="${ticket}">
      <label for="code">Authentication code</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
      <button type="submit">Verify</button></form>`,
  );
}

function managePage(ticket: string, account: StandInAccount, notice?: string): string {
  const active = account.twoFactorSecret !== null;
  return page(
    'Two-factor authentication settings',
    html`${notice ? html`<p role="status">${notice}</p>` : ''}
      <p>Account <strong>${account.username}@${account.tenantDomain}</strong>. Two-factor authentication: <strong id="two-factor-state">${active ? 'active' : 'not active'}</strong>.</p>
      <form method="post" action="/two-factor/${active ? 'deactivate' : 'start'}"><input type="hidden" name="ticket" value="${ticket}">
        <button type="submit"${active ? new Html(' class="secondary"') : ''}>${active ? 'Deactivate two-factor authentication' : 'Activate two-factor authentication'}</button>
      </form>`,
  );
}

async function setupPage(ticket: string, account: StandInAccount, secret: string, error?: string): Promise<string> {
  const uri = new TOTP({ issuer: 'Reseller Portal (stand-in)', label: `${account.username}@${account.tenantDomain}`, secret: Secret.fromBase32(secret) }).toString();
  const qr = await QRCode.toDataURL(uri, { margin: 1, width: 200 });
  return page(
    'Activate two-factor authentication',
    html`${errorLine(error)}<p>Scan the QR code with your authenticator app, or enter the secret, then confirm with a code.</p>
      <p><img src="${qr}" alt="QR code of the new secret" width="200" height="200"></p>
      <p>Secret: <code id="two-factor-secret">${secret}</code></p>
      <form method="post" action="/two-factor/confirm"><input type="hidden" name="ticket" value="${ticket}">
        <label for="code">Authentication code</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
        <button type="submit">Activate</button>
      </form>`,
  );
}

export async function handleTwoFactor(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (req.method === 'GET') return sendHtml(res, 200, signInPage());
  const form = await readForm(req);
  if (path === '/two-factor/sign-in') {
    const account = findAccountByCredentials({ tenantDomain: form.tenantDomain ?? '', username: form.username ?? '', password: form.password ?? '' });
    if (!account) return sendHtml(res, 200, signInPage('Tenant domain, username or password is incorrect.'));
    if (account.twoFactorSecret) return sendHtml(res, 200, codePage(issueTicket({ subject: account.subject, stage: 'code' })));
    return sendHtml(res, 200, managePage(issueTicket({ subject: account.subject, stage: 'manage' }), account));
  }
  const ticketId = form.ticket ?? '';
  const ticket = tickets.get(ticketId);
  const account = ticket && ticket.until > Date.now() ? findAccount(ticket.subject) : undefined;
  if (!ticket || !account) return sendHtml(res, 200, signInPage('Please log in again.'));
  if (path === '/two-factor/code' && ticket.stage === 'code') {
    if (!account.twoFactorSecret || !isValidCode(account.twoFactorSecret, form.code ?? '')) return sendHtml(res, 200, codePage(ticketId, 'Invalid code.'));
    ticket.stage = 'manage';
    return sendHtml(res, 200, managePage(ticketId, account));
  }
  if (ticket.stage !== 'manage') return sendHtml(res, 200, signInPage('Please log in again.'));
  if (path === '/two-factor/start') {
    ticket.newSecret ??= new Secret({ size: 20 }).base32;
    return sendHtml(res, 200, await setupPage(ticketId, account, ticket.newSecret));
  }
  if (path === '/two-factor/confirm' && ticket.newSecret) {
    if (!isValidCode(ticket.newSecret, form.code ?? '')) return sendHtml(res, 200, await setupPage(ticketId, account, ticket.newSecret, 'Invalid code.'));
    setTwoFactorSecret(account.subject, ticket.newSecret);
    delete ticket.newSecret;
    return sendHtml(res, 200, managePage(ticketId, account, 'Two-factor authentication is active. Log in to the Mobile Security Portal again.'));
  }
  if (path === '/two-factor/deactivate') {
    setTwoFactorSecret(account.subject, null);
    return sendHtml(res, 200, managePage(ticketId, account, 'Two-factor authentication is off.'));
  }
  return sendHtml(res, 404, page('Not found', html``));
}
