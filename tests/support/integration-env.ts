// Integration tests hash at bcrypt cost 4 (allowed only under NODE_ENV=test) and use fixed test keys.
process.env.BCRYPT_COST ??= '4';
process.env.AUTH_SECRET ??= 'test-auth-secret-test-auth-secret-0123456789';
process.env.TWO_FACTOR_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
process.env.LOG_LEVEL ??= 'silent';
