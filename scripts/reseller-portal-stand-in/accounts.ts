import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { findTotpTimeStep } from '@/lib/auth/totp';

// The stand-in reseller portal's own accounts: its own passwords and its own TOTP, in memory
// (a restart brings back the demo accounts as listed). Nothing here touches the portal's database.

export type StandInAccount = {
  /** The `sub` of its ID tokens: fixed for the demo accounts, so their links in the portal survive a restart. */
  subject: string;
  tenantDomain: string;
  username: string;
  password: string;
  /** Base32 TOTP secret while two-factor is active, null while it is not. */
  twoFactorSecret: string | null;
};

const accounts = new Map<string, StandInAccount>();

export function addAccount(account: Omit<StandInAccount, 'subject'> & { subject?: string }): StandInAccount {
  const stored = { ...account, subject: account.subject ?? randomUUID() };
  accounts.set(stored.subject, stored);
  return stored;
}

export function findAccount(subject: string): StandInAccount | undefined {
  return accounts.get(subject);
}

export function listAccounts(): StandInAccount[] {
  return [...accounts.values()];
}

function sameText(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The account with these credentials, or undefined (one answer for every wrong case). Tests may
 * give a second account the same name (an impostor of another subject): the password tells them apart.
 */
export function findAccountByCredentials(input: { tenantDomain: string; username: string; password: string }): StandInAccount | undefined {
  const tenantDomain = input.tenantDomain.trim().toLowerCase();
  const username = input.username.trim().toLowerCase();
  return listAccounts().find((entry) => entry.tenantDomain === tenantDomain && entry.username.toLowerCase() === username && sameText(entry.password, input.password));
}

/**
 * A stand-in, not the real thing: a code is accepted within ±1 step, but not remembered, so a
 * test may sign the same account in twice within 30 seconds. The portal's own TOTP keeps its
 * replay protection (lib/auth/verify-two-factor-step.ts).
 */
export function isValidCode(secret: string, code: string): boolean {
  return findTotpTimeStep({ secret, code: code.trim() }) !== null;
}

export function setTwoFactorSecret(subject: string, secret: string | null): void {
  const account = accounts.get(subject);
  if (account) account.twoFactorSecret = secret;
}
