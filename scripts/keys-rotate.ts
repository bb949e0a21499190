// `npm run keys:rotate [-- --check] [-- --batch-size=500]`: re-encrypts every TOTP secret and
// every waiting outbox payload to TWO_FACTOR_ENCRYPTION_KEY, in batches, while the portal runs
// (README, "Key rotation"). --check only counts what is not on the current key yet.
import nextEnv from '@next/env';
import './outside-next.mjs';

nextEnv.loadEnvConfig(process.cwd());
const { closeDb } = await import('../db/client');
const { countBoxesOnOtherKeys, rotateEncryptionKey } = await import('../lib/crypto/rotate-encryption-key');
const { loadKeyring } = await import('../lib/crypto/keyring');

const checkOnly = process.argv.includes('--check');
const batchArgument = process.argv.find((argument) => argument.startsWith('--batch-size='));
const batchSize = batchArgument ? Number(batchArgument.split('=')[1]) : 500;
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error('--batch-size must be a whole number from 1 to 10000');
  process.exit(2);
}

let exitCode = 0;
try {
  const keyring = loadKeyring();
  console.log(`Current key: ${keyring.current.id}; keys that may still be read: ${[...keyring.byId.keys()].join(', ')}`);
  if (checkOnly) {
    const counts = await countBoxesOnOtherKeys();
    for (const [name, count] of Object.entries(counts)) console.log(`${name}: ${count} not on the current key`);
    exitCode = Object.values(counts).some((count) => count > 0) ? 1 : 0;
  } else {
    const report = await rotateEncryptionKey({ batchSize, onBatch: (name, rotated) => console.log(`${name}: ${rotated} re-encrypted`) });
    for (const [name, entry] of Object.entries(report)) {
      console.log(`${name}: ${entry.rotated} re-encrypted in total${entry.unreadable.length > 0 ? `, ${entry.unreadable.length} unreadable (ids: ${entry.unreadable.join(', ')})` : ''}`);
      if (entry.unreadable.length > 0) exitCode = 1;
    }
    if (exitCode !== 0) console.error('Some boxes open with no key of the keyring: keep the old key in TWO_FACTOR_DECRYPTION_KEYS until they are dealt with.');
  }
} catch (error) {
  // A missing or malformed key: say which, without a stack trace.
  console.error(`Key rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await closeDb();
}
process.exit(exitCode);
