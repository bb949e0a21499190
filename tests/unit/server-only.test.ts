import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '@/db/schema';

// Every lib/ module that touches the database marks itself `import 'server-only'` (issue 13.2, as
// ai-chatbot's data layer does): a client component that imports one, even by accident through
// another module, fails the build instead of shipping queries to the browser. "Touches the
// database": imports the client (getDb, or an executor's type: it runs queries on a transaction
// it is handed) or a table of the schema. Enums of the schema (roles, license types) do not count.

const ROOT = path.resolve(__dirname, '..', '..');
const DB_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@\/db\/(client|schema)'/g;
const SERVER_ONLY = /^import 'server-only';$/m;

function libFiles(folder = 'lib'): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return libFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

function touchesDatabase(source: string): boolean {
  return [...source.matchAll(DB_IMPORT)].some(([, typeOnly, names, from]) => {
    if (from === 'client') return true;
    if (typeOnly) return false;
    return names!
      .split(',')
      .map((name) => name.trim())
      .some((name) => !name.startsWith('type ') && is((schema as Record<string, unknown>)[name], PgTable));
  });
}

describe("'server-only' in lib/", () => {
  const files = libFiles().map((file) => ({ file, source: readFileSync(path.join(ROOT, file), 'utf8') }));
  const touching = files.filter(({ source }) => touchesDatabase(source));

  test('the check tells a data module from one that only uses the schema\'s enums', () => {
    expect(touchesDatabase("import { getDb } from '@/db/client';")).toBe(true);
    expect(touchesDatabase("import type { DbExecutor } from '@/db/client';")).toBe(true);
    expect(touchesDatabase("import { users, type Role } from '@/db/schema';")).toBe(true);
    expect(touchesDatabase("import { userRole, type Role } from '@/db/schema';")).toBe(false);
    expect(touchesDatabase("import type { Role } from '@/db/schema';")).toBe(false);
    expect(touching.length).toBeGreaterThan(50);
  });

  test('every module that touches the database imports server-only', () => {
    expect(touching.filter(({ source }) => !SERVER_ONLY.test(source)).map(({ file }) => file)).toEqual([]);
  });
});
