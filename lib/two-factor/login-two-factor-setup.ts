import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import {
  claimCodeAttempt,
  findPendingLogin,
  findPendingTwoFactorSetupSecret,
  storePendingTwoFactorSetupSecret,
  type PendingLogin,
} from '@/lib/auth/pending-login';
import { confirmTwoFactorSetup } from './confirm-two-factor-setup';
import { getTwoFactorRequirement } from './get-two-factor-requirement';
import { createTwoFactorSetup, readTwoFactorSetup, type TwoFactorSetup } from './start-two-factor-setup';

// Enrollment from the login screen, inside the still-pending login (never a session before it).

type LiveSetupLogin = { pending: PendingLogin };

/**
 * The pending login may enroll when it waits for the setup and the account is managed here:
 * RSP-linked accounts activate two-factor in the Reseller Portal, except a re-enrollment after
 * the last recovery code (the person has just proven a second factor). A sign-in through the
 * reseller portal never enrolls here: a TOTP of ours would stand in for the second factor the
 * reseller portal did not confirm (issue 15).
 */
async function findSetupLogin(pendingLoginToken: string): Promise<LiveSetupLogin | null> {
  const pending = await findPendingLogin(pendingLoginToken);
  if (!pending || pending.nextStep !== 'two_factor_setup' || pending.method === 'reseller_portal') return null;
  const requirement = await getTwoFactorRequirement(pending.user.id);
  if (!requirement || (requirement.isRspLinked && !requirement.hasTwoFactor)) return null;
  return { pending };
}

function ownerOf(pending: PendingLogin) {
  return { userId: pending.user.id, username: pending.user.username, tenantDomain: pending.tenant.tenantDomain };
}

/** Creates (once) or re-reads the setup of this pending login; null when it may not enroll. */
export async function startLoginTwoFactorSetup(pendingLoginToken: string): Promise<TwoFactorSetup | null> {
  const login = await findSetupLogin(pendingLoginToken);
  if (!login) return null;
  const { pending } = login;
  const stored = await findPendingTwoFactorSetupSecret(pending.id);
  if (stored) return readTwoFactorSetup({ ...ownerOf(pending), secretEncrypted: stored });
  const setup = await createTwoFactorSetup(ownerOf(pending));
  if (await storePendingTwoFactorSetupSecret(pending.id, setup.secretEncrypted)) return setup;
  // Another request stored its secret first: show that one, so both tabs agree.
  const winner = await findPendingTwoFactorSetupSecret(pending.id);
  return winner ? readTwoFactorSetup({ ...ownerOf(pending), secretEncrypted: winner }) : null;
}

/** Only an existing setup is read: the page never creates one on a plain GET. */
export async function readLoginTwoFactorSetup(pendingLoginToken: string): Promise<TwoFactorSetup | null> {
  const login = await findSetupLogin(pendingLoginToken);
  if (!login) return null;
  const stored = await findPendingTwoFactorSetupSecret(login.pending.id);
  return stored ? readTwoFactorSetup({ ...ownerOf(login.pending), secretEncrypted: stored }) : null;
}

export type ConfirmLoginSetupResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; code: 'invalid_code' | 'pending_login_expired' };

/**
 * Confirms the setup with a code, at most five attempts per pending login (as for the login
 * code). On success the pending login moves to `none`: only this browser can finish the login.
 */
export async function confirmLoginTwoFactorSetup(input: {
  pendingLoginToken: string;
  code: string;
  clientAddress: string;
  userAgent: string | null;
}): Promise<ConfirmLoginSetupResult> {
  const login = await findSetupLogin(input.pendingLoginToken);
  if (!login) return { ok: false, code: 'pending_login_expired' };
  const { pending } = login;
  const secretEncrypted = await findPendingTwoFactorSetupSecret(pending.id);
  if (!secretEncrypted) return { ok: false, code: 'pending_login_expired' };
  const actorLabel = `${pending.user.username}@${pending.tenant.tenantDomain}`;
  if (!(await claimCodeAttempt(pending.id))) {
    await recordAuditEvent({
      action: 'two_factor.enrolled',
      result: 'failure',
      tenantId: pending.tenant.id,
      actorUserId: pending.user.id,
      actorLabel,
      ipAddress: input.clientAddress,
      userAgent: input.userAgent,
      details: { reason: 'attempts_exhausted' },
    });
    return { ok: false, code: 'pending_login_expired' };
  }
  const result = await confirmTwoFactorSetup({
    userId: pending.user.id,
    tenantId: pending.tenant.id,
    secretEncrypted,
    code: input.code,
    clientAddress: input.clientAddress,
    userAgent: input.userAgent,
    actorLabel,
    pendingLoginId: pending.id,
  });
  if (result.ok) return result;
  return { ok: false, code: result.code === 'setup_expired' ? 'pending_login_expired' : 'invalid_code' };
}
