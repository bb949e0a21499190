import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { readActiveAuthenticator, type TwoFactorSetup } from '@/lib/two-factor/start-two-factor-setup';
import type { AccountLink } from './load-account-link';

/** The existing authenticator's QR, only after the link's holder proved a current code from it. */
export async function readLinkAuthenticator(link: AccountLink): Promise<TwoFactorSetup | null> {
  if (!link.mayShowActiveAuthenticator) return null;
  const [row] = await getDb().select({ secret: users.twoFactorSecretEncrypted }).from(users).where(eq(users.id, link.user.id));
  if (!row?.secret) return null;
  return readActiveAuthenticator({
    userId: link.user.id,
    username: link.user.username,
    tenantDomain: link.tenant.tenantDomain,
    activeSecretEncrypted: row.secret,
  });
}
