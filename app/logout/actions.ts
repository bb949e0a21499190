'use server';

import { signOut } from '@/auth';
import { getClientAddress, getSession } from '@/app/_server/request-context';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { revokeSession } from '@/lib/auth/sessions';

/** Logout is a POST (a server action): the server-side session ends at once, then the cookie. */
export async function logOut(): Promise<void> {
  const session = await getSession();
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
  await signOut({ redirectTo: '/login' });
}
