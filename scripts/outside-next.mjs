// lib/ modules that touch the database import 'server-only' (tests/unit/server-only.test.ts):
// Next.js resolves it to an empty module on the server and to an error in a client bundle. Plain
// Node resolves it to the error, so a script that runs such modules outside Next.js (npm run
// keys:rotate, npm run bench:switcher) imports this file first: `server-only` then resolves as
// on React's server, under the `react-server` condition (its empty module). Every other module
// resolves as before. The operations bundle gets the same from scripts/build-ops.mjs.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier !== 'server-only') return nextResolve(specifier, context);
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
  },
});
