import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@/db/seed';
import type { StandInAccount } from './accounts';

// The reseller portal's side of the demo data's RSP-linked accounts (db/seed.ts, README "Demo
// logins"): the same password; reseller.admin with two-factor active (the demo TOTP secret),
// rsp.admin without, so the RSP variant of the two-factor dialog can be reached.
export const DEMO_STAND_IN_ACCOUNTS: StandInAccount[] = [
  { subject: 'demo-100001-reseller-admin', tenantDomain: '100001.sms', username: 'reseller.admin', password: DEMO_PASSWORD, twoFactorSecret: DEMO_TOTP_SECRET },
  { subject: 'demo-123456-rsp-admin', tenantDomain: '123456.sms', username: 'rsp.admin', password: DEMO_PASSWORD, twoFactorSecret: null },
];
