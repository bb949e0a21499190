import { createOpaqueToken } from '@/lib/auth/opaque-token';
import { e2eDb } from './db';

// Arrangement only, for the accessibility and header checks: states a person reaches through email
// or the reseller portal, set up directly so those checks need no other flow first.

/** A live single-use link for a user, stored as the app stores it (SHA-256 of the token only). */
const LINK_PATHS = { activation: '/activate', password_reset: '/reset-password', report: '/report' } as const;

export async function createAccountLink(options: { userId: string; purpose: keyof typeof LINK_PATHS }): Promise<{ path: string }> {
  const { token, tokenHash } = createOpaqueToken();
  await e2eDb().query(
    `insert into account_tokens (tenant_id, user_id, purpose, token_hash, expires_at)
     select tenant_id, id, $2, $3, now() + interval '1 hour' from users where id = $1`,
    [options.userId, options.purpose, tokenHash],
  );
  return { path: `${LINK_PATHS[options.purpose]}/${token}` };
}

/** Marks an account as managed in the reseller portal (the RSP-linked variant of the two-factor dialog). */
export async function markRspLinked(userId: string): Promise<void> {
  await e2eDb().query('update users set is_rsp_linked = true where id = $1', [userId]);
}
