import 'server-only';
import { resolveClientAddress } from '@/lib/http/client-address';
import { describeResellerPortalCallbackFailure } from '@/lib/reseller-portal/describe-callback-failure';
import { recordResellerPortalCallbackRefusal } from '@/lib/reseller-portal/record-callback-refusal';
import { RESELLER_PORTAL_PROVIDER_ID } from '@/lib/reseller-portal-settings';

// Auth.js reports a refused callback only to its logger, with no request at hand; auth.ts notes
// the reason here per request, and the route handler audits it once Auth.js has answered.
const refusals = new WeakMap<Request, string>();

const CALLBACK_PATH = `/api/auth/callback/${RESELLER_PORTAL_PROVIDER_ID}`;

export function noteResellerPortalCallbackRefusal(request: Request | undefined, error: unknown): void {
  if (!request || new URL(request.url).pathname !== CALLBACK_PATH) return;
  refusals.set(request, describeResellerPortalCallbackFailure(error));
}

/** After Auth.js answered a request: its refused reseller-portal callback, audited with where it came from. */
export async function auditResellerPortalCallbackRefusal(request: Request): Promise<void> {
  const reason = refusals.get(request);
  if (!reason) return;
  refusals.delete(request);
  await recordResellerPortalCallbackRefusal({ reason, clientAddress: resolveClientAddress(request.headers), userAgent: request.headers.get('user-agent') });
}
