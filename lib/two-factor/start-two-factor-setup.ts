import QRCode from 'qrcode';
import { buildTotpUri, formatSecretForDisplay, generateTotpSecret } from '@/lib/auth/totp';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';

export type TwoFactorSetup = {
  secret: string;
  secretEncrypted: string;
  formattedSecret: string;
  otpauthUri: string;
  qrCodeSvg: string;
};

type SetupOwner = { userId: string; username: string; tenantDomain: string };

/** The not-yet-active secret is bound to its user, so a stored setup of one user never decrypts for another. */
export function setupSecretAssociatedData(userId: string): string {
  return `two-factor-setup:${userId}`;
}

/**
 * First phase of an enrollment: a new secret and its QR code (rendered here on the server,
 * never by a third-party service). Nothing is active until confirmTwoFactorSetup accepts a code.
 */
export async function createTwoFactorSetup(owner: SetupOwner): Promise<TwoFactorSetup> {
  const secret = generateTotpSecret();
  return renderSetup(owner, secret, encryptSecret(secret, setupSecretAssociatedData(owner.userId)));
}

/** The same setup again from its stored ciphertext: a reload shows the same QR code while it is pending. */
export async function readTwoFactorSetup(owner: SetupOwner & { secretEncrypted: string }): Promise<TwoFactorSetup> {
  const secret = decryptSecret(owner.secretEncrypted, setupSecretAssociatedData(owner.userId));
  return renderSetup(owner, secret, owner.secretEncrypted);
}

async function renderSetup(owner: SetupOwner, secret: string, secretEncrypted: string): Promise<TwoFactorSetup> {
  const otpauthUri = buildTotpUri({ secret, username: owner.username, tenantDomain: owner.tenantDomain });
  const qrCodeSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, secretEncrypted, formattedSecret: formatSecretForDisplay(secret), otpauthUri, qrCodeSvg };
}
