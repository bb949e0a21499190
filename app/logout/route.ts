import { signOut } from '@/auth';
import { getClientAddress, getSession } from '@/app/_server/request-context';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { revokeSession } from '@/lib/auth/sessions';

// Logout is a POST to this route (a plain form: it works without JavaScript); proxy.ts refuses
// it from other sites like every state change. A route handler rather than a server action so
// that its own response can carry Clear-Site-Data (issue 14.8): the browser then drops every
// cookie and all storage of the portal, not only the session cookie we know by name.
const CLEAR_SITE_DATA = '"cookies", "storage"';

export async function POST(): Promise<Response> {
  const session = await getSession();
  // The server-side session ends at once, on every instance; the cookie follows.
  if (session && (await revokeSession(session.sessionId, 'logout'))) {
    await recordAuditEvent({
      action: 'logout',
      result: 'success',
      tenantId: session.tenant.id,
      actorUserId: session.user.id,
      actorTenantId: session.tenant.id,
      actorLabel: `${session.user.username}@${session.tenant.tenantDomain}`,
      ipAddress: await getClientAddress(),
    });
  }
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: { Location: '/login?reason=loggedOut', 'Clear-Site-Data': CLEAR_SITE_DATA, 'Cache-Control': 'no-store' },
  });
}
