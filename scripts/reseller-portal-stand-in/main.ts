// A stand-in reseller portal for development and tests (issue 15): an OpenID Provider built on
// oidc-provider, with its own login page, its own TOTP and the demo RSP-linked accounts.
// `npm run dev` and the browser suite start it as its own process:
//   RESELLER_PORTAL_STAND_IN_ISSUER=http://localhost:3900 RESELLER_PORTAL_CLIENT_ID=… \
//   RESELLER_PORTAL_CLIENT_SECRET=… RESELLER_PORTAL_STAND_IN_REDIRECT_URIS=<callback>,… tsx scripts/reseller-portal-stand-in/main.ts
// It lives outside app/ and lib/ and oidc-provider is a development dependency: it is never part
// of the production build.
import { createServer } from 'node:http';
import { addAccount, listAccounts } from './accounts';
import { DEMO_STAND_IN_ACCOUNTS } from './demo-accounts';
import { installIdTokenFaults } from './faults';
import { html, page } from './html';
import { sendHtml } from './http';
import { handleInteraction } from './interaction-routes';
import { createStandInProvider } from './provider';
import { handleTestControl } from './test-control-routes';
import { handleTwoFactor } from './two-factor-routes';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

const issuer = process.env.RESELLER_PORTAL_STAND_IN_ISSUER ?? 'http://localhost:3900';
const port = Number(new URL(issuer).port || 80);
const testControl = process.env.RESELLER_PORTAL_STAND_IN_TEST_CONTROL === '1';
const { provider, signingKey } = await createStandInProvider({
  issuer,
  clientId: required('RESELLER_PORTAL_CLIENT_ID'),
  clientSecret: required('RESELLER_PORTAL_CLIENT_SECRET'),
  redirectUris: required('RESELLER_PORTAL_STAND_IN_REDIRECT_URIS').split(',').map((uri) => uri.trim()).filter(Boolean),
});
if (testControl) installIdTokenFaults(provider, signingKey);
for (const account of DEMO_STAND_IN_ACCOUNTS) addAccount({ ...account });

function indexPage(): string {
  const rows = listAccounts().map((account) => html`<tr><td>${account.tenantDomain}</td><td>${account.username}</td><td>${account.twoFactorSecret ? 'active' : 'not active'}</td></tr>`);
  return page(
    'Reseller portal',
    html`<p>A stand-in for development and tests. The Mobile Security Portal signs RSP-linked accounts in here.</p>
      <table><thead><tr><th>Tenant domain</th><th>Username</th><th>Two-factor</th></tr></thead><tbody>${rows}</tbody></table>
      <p><a href="/two-factor">Two-factor authentication settings</a></p>`,
  );
}

const oidc = provider.callback();
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', issuer).pathname;
  const handled = path === '/'
    ? Promise.resolve(sendHtml(res, 200, indexPage()))
    : path.startsWith('/interaction/')
      ? handleInteraction(provider, req, res, path)
      : path === '/two-factor' || path.startsWith('/two-factor/')
        ? handleTwoFactor(req, res, path)
        : testControl && path.startsWith('/test-control/')
          ? handleTestControl(req, res, path)
          : Promise.resolve(oidc(req, res));
  handled.catch((error: unknown) => {
    console.error('[reseller portal stand-in]', error instanceof Error ? error.message : error);
    if (!res.headersSent) sendHtml(res, 400, page('Something went wrong', html`<p class="error">${error instanceof Error ? error.message : 'error'}</p>`));
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Reseller portal stand-in ready at ${issuer}${testControl ? ' (test controls on)' : ''}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
