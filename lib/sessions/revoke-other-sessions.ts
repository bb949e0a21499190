import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';

/**
 * "Log out other sessions": revokes the user's other session rows only. The session version is
 * NOT bumped (revokeAllSessionsOfUser does that), because it would end the current session too;
 * checkSession already refuses every revoked row on each request.
 */
export async function revokeOtherSessions(input: {
  userId: string;
  tenantId: string;
  currentSessionId: string;
  actorLabel: string;
  clientAddress: string;
}): Promise<{ revoked: number }> {
  return getDb().transaction(async (tx) => {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'revoked' })
      .where(and(eq(sessions.userId, input.userId), ne(sessions.id, input.currentSessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    await recordAuditEvent(
      {
        action: 'session.others_revoked',
        result: 'success',
        tenantId: input.tenantId,
        actorUserId: input.userId,
        actorTenantId: input.tenantId,
        actorLabel: input.actorLabel,
        ipAddress: input.clientAddress,
        details: { revoked: revoked.length },
      },
      tx,
    );
    return { revoked: revoked.length };
  });
}
