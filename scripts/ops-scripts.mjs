import path from 'node:path';

/** The scripts a production install must run (package.json: db:migrate, db:seed, keys:rotate). */
export const OPS_SCRIPTS = ['db-migrate', 'db-seed', 'keys-rotate'];

export function opsBundlePath(root, name) {
  return path.join(root, '.next', 'ops', `${name}.mjs`);
}
