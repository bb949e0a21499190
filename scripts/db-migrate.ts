import nextEnv from '@next/env';
import { migrateDatabase } from '../db/migrate';

nextEnv.loadEnvConfig(process.cwd());
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. `npm run dev` migrates its embedded database by itself.');
  process.exit(1);
}
await migrateDatabase(url);
console.log('Migrations applied.');
