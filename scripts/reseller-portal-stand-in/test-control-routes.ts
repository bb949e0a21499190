import type { IncomingMessage, ServerResponse } from 'node:http';
import { addAccount } from './accounts';
import { armIdTokenFault, ID_TOKEN_FAULTS, type IdTokenFault } from './faults';
import { readJson, sendJson } from './http';

// Only with RESELLER_PORTAL_STAND_IN_TEST_CONTROL=1 (the browser suite): tests create their own
// reseller portal accounts, and arm one faulty ID token (faults.ts).

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : null;
}

export async function handleTestControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
  const body = await readJson(req);
  if (path === '/test-control/accounts') {
    const [tenantDomain, username, password] = [text(body.tenantDomain), text(body.username), text(body.password)];
    if (!tenantDomain || !username || !password) return sendJson(res, 400, { error: 'tenantDomain, username and password are required' });
    const account = addAccount({ tenantDomain, username, password, twoFactorSecret: text(body.twoFactorSecret) });
    return sendJson(res, 201, { subject: account.subject });
  }
  if (path === '/test-control/id-token-fault') {
    if (!ID_TOKEN_FAULTS.includes(body.fault as IdTokenFault)) return sendJson(res, 400, { error: `fault must be one of ${ID_TOKEN_FAULTS.join(', ')}` });
    armIdTokenFault(body.fault as IdTokenFault);
    return sendJson(res, 204, null);
  }
  return sendJson(res, 404, { error: 'unknown path' });
}
