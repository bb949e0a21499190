import pino from 'pino';

// Keys whose values never reach a log line (SECURITY.md, audit and logs), at any depth we log.
const SECRET_KEYS = [
  'password',
  'newPassword',
  'passwordHash',
  'code',
  'recoveryCode',
  'token',
  'pendingLoginToken',
  'secret',
  'twoFactorSecret',
  'cookie',
  'authorization',
];

const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** The portal's logger; tests pass a destination to read what would be written. */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'mobile-security-portal' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLogger = globalThis as unknown as { __mspLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLogger.__mspLogger ??= createLogger());
